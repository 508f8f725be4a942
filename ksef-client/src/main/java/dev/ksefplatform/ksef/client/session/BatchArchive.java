package dev.ksefplatform.ksef.client.session;

import dev.ksefplatform.ksef.client.BatchInvoice;
import dev.ksefplatform.ksef.client.crypto.KsefCrypto;
import dev.ksefplatform.ksef.client.io.HashingOutputStream;
import dev.ksefplatform.ksef.client.io.TempFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The batch ZIP, written to a temporary file with its size and SHA-256 computed on the way. */
record BatchArchive(Path file, long size, String hash, Map<String, String> invoiceHashes) {

    static BatchArchive write(Iterable<BatchInvoice> invoices, Path directory) {
        Path file = TempFiles.create(directory, ".zip");
        Map<String, String> invoiceHashes = new LinkedHashMap<>();
        HashingOutputStream hashing;
        // the buffer sits above the hash: ZipOutputStream writes its headers a byte at a time, and a digest update per
        // byte was 6 % of the worker's CPU samples in the cost benchmark (JFR, 2026-12-07)
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(
                hashing = new HashingOutputStream(Files.newOutputStream(file)), 1 << 16))) {
            for (BatchInvoice invoice : invoices) {
                invoiceHashes.put(invoice.fileName(), addEntry(zip, invoice));
            }
        } catch (IOException e) {
            TempFiles.delete(file);
            throw new UncheckedIOException("cannot write the batch archive", e);
        } catch (RuntimeException e) {
            TempFiles.delete(file);
            throw e;
        }
        if (invoiceHashes.isEmpty()) {
            TempFiles.delete(file);
            throw new IllegalArgumentException("a batch needs at least one invoice");
        }
        return new BatchArchive(file, hashing.count(), hashing.hash(), invoiceHashes);
    }

    private static String addEntry(ZipOutputStream zip, BatchInvoice invoice) throws IOException {
        zip.putNextEntry(new ZipEntry(invoice.fileName()));
        try (DigestInputStream in = new DigestInputStream(invoice.content().open(), KsefCrypto.sha256Digest())) {
            in.transferTo(zip);
            zip.closeEntry();
            return Base64.getEncoder().encodeToString(in.getMessageDigest().digest());
        }
    }
}
