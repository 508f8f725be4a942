package dev.ksefplatform.simulator.receiving;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.simulator.invoice.AcceptedInvoice;
import dev.ksefplatform.simulator.invoice.AcceptedInvoices;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes an export package to disk: a ZIP of {@code {ksefNumber}.xml} files and {@code _metadata.json},
 * split into parts of at most 50 MiB, each encrypted with AES-256-CBC/PKCS#7 under the export key.
 */
final class ExportPackager {

    static final long PART_SIZE = 52_428_800L;

    private final AcceptedInvoices accepted;
    private final ObjectMapper mapper;

    ExportPackager(AcceptedInvoices accepted, ObjectMapper mapper) {
        this.accepted = accepted;
        this.mapper = mapper;
    }

    List<Export.Part> write(Export export, List<AcceptedInvoice> invoices, boolean onlyMetadata, Path directory)
            throws IOException, GeneralSecurityException {
        Path archive = directory.resolve("package.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            if (!onlyMetadata) {
                for (AcceptedInvoice invoice : invoices) {
                    zip.putNextEntry(new ZipEntry(invoice.ksefNumber() + ".xml"));
                    zip.write(accepted.document(invoice));
                    zip.closeEntry();
                }
            }
            zip.putNextEntry(new ZipEntry("_metadata.json"));
            zip.write(mapper.writeValueAsBytes(Map.of("invoices", invoices.stream().map(MetadataViews::of).toList())));
            zip.closeEntry();
        }
        try {
            return split(export, archive, directory);
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    private static List<Export.Part> split(Export export, Path archive, Path directory)
            throws IOException, GeneralSecurityException {
        List<Export.Part> parts = new ArrayList<>();
        long total = Files.size(archive);
        try (InputStream in = Files.newInputStream(archive)) {
            for (long offset = 0; offset < total || parts.isEmpty(); offset += PART_SIZE) {
                int ordinal = parts.size() + 1;
                String name = export.referenceNumber() + "-" + String.format("%03d", ordinal) + ".zip.aes";
                parts.add(encryptPart(export, in, Math.min(PART_SIZE, total - offset), ordinal, name,
                        directory.resolve(name)));
            }
        }
        return parts;
    }

    private static Export.Part encryptPart(Export export, InputStream in, long length, int ordinal, String name,
                                           Path file) throws IOException, GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(export.key(), "AES"), new IvParameterSpec(export.iv()));
        MessageDigest plainDigest = MessageDigest.getInstance("SHA-256");
        MessageDigest encryptedDigest = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = new DigestOutputStream(new CipherOutputStream(
                new DigestOutputStream(Files.newOutputStream(file), encryptedDigest), cipher), plainDigest)) {
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
        Base64.Encoder b64 = Base64.getEncoder();
        return new Export.Part(ordinal, name, file, length, b64.encodeToString(plainDigest.digest()), Files.size(file),
                b64.encodeToString(encryptedDigest.digest()));
    }
}
