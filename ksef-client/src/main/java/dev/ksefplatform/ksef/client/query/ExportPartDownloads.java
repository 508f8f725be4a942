package dev.ksefplatform.ksef.client.query;

import dev.ksefplatform.ksef.client.ExportPart;
import dev.ksefplatform.ksef.client.crypto.KsefCrypto;
import dev.ksefplatform.ksef.client.crypto.SessionKey;
import dev.ksefplatform.ksef.client.error.KsefUnexpectedResponseException;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import dev.ksefplatform.ksef.client.io.HashingOutputStream;
import dev.ksefplatform.ksef.client.io.TempFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;

/**
 * Downloads the parts of a package in order (no token), checks each encrypted part's size and hash (against the
 * package description and, when storage sends it, {@code x-ms-meta-hash}), decrypts it on its own (every part has its
 * own padding) and appends the plaintext to the package ZIP, checking its size and hash.
 */
final class ExportPartDownloads {

    /** Storage's Base64 SHA-256 of the encrypted part, checked when sent. */
    static final String META_HASH = "x-ms-meta-hash";

    private final KsefHttp http;
    private final Path tempDirectory;

    ExportPartDownloads(KsefHttp http, Path tempDirectory) {
        this.http = http;
        this.tempDirectory = tempDirectory;
    }

    void downloadInto(Path zip, List<ExportPart> parts, SessionKey key) {
        List<ExportPart> ordered = parts.stream().sorted(Comparator.comparingInt(ExportPart::ordinalNumber)).toList();
        try (OutputStream out = Files.newOutputStream(zip, StandardOpenOption.APPEND)) {
            for (ExportPart part : ordered) {
                append(part, key, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export package", e);
        }
    }

    private void append(ExportPart part, SessionKey key, OutputStream zip) throws IOException {
        Path encrypted = TempFiles.create(tempDirectory, ".part" + part.ordinalNumber() + ".aes");
        try {
            Optional<String> storageHash = http.downloadTo(URI.create(part.url()), encrypted).firstValue(META_HASH);
            String encryptedHash = hash(encrypted);
            check(part, "encrypted", Files.size(encrypted), encryptedHash, part.encryptedPartSize(),
                    part.encryptedPartHash());
            if (storageHash.isPresent() && !storageHash.get().equals(encryptedHash)) {
                throw new KsefUnexpectedResponseException(200, "export part " + part.ordinalNumber()
                        + ": encrypted bytes do not match " + META_HASH, null);
            }
            HashingOutputStream plain = new HashingOutputStream(OutputStream.nullOutputStream());
            try (InputStream in = new CipherInputStream(Files.newInputStream(encrypted),
                    KsefCrypto.aesCbcCipher(key, Cipher.DECRYPT_MODE))) {
                byte[] buffer = new byte[1 << 16];
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    zip.write(buffer, 0, read);
                    plain.write(buffer, 0, read);
                }
            }
            check(part, "decrypted", plain.count(), plain.hash(), part.partSize(), part.partHash());
        } finally {
            TempFiles.delete(encrypted);
        }
    }

    private static String hash(Path file) throws IOException {
        HashingOutputStream hashing = new HashingOutputStream(OutputStream.nullOutputStream());
        Files.copy(file, hashing);
        return hashing.hash();
    }

    private static void check(ExportPart part, String what, long size, String hash, long declaredSize,
                              String declaredHash) {
        if (size != declaredSize || (declaredHash != null && !declaredHash.equals(hash))) {
            throw new KsefUnexpectedResponseException(200, "export part " + part.ordinalNumber() + ": " + what
                    + " size or SHA-256 differ from the package description", null);
        }
    }
}
