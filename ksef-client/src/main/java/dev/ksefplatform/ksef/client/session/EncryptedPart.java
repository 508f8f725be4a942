package dev.ksefplatform.ksef.client.session;

import dev.ksefplatform.ksef.client.crypto.KsefCrypto;
import dev.ksefplatform.ksef.client.io.HashingOutputStream;
import dev.ksefplatform.ksef.client.io.TempFiles;
import dev.ksefplatform.ksef.client.crypto.SessionKey;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;

/** One part of a batch archive, encrypted on its own (AES-256-CBC/PKCS#7, session key and IV) into a temporary file. */
record EncryptedPart(int ordinalNumber, Path file, long size, String hash) {

    static final int MAX_PARTS = 50;

    /** A plain binary split of the archive into parts of at most {@code partSize} bytes, each encrypted separately. */
    static List<EncryptedPart> split(BatchArchive archive, long partSize, SessionKey key, Path directory) {
        int count = (int) Math.max(1, (archive.size() + partSize - 1) / partSize);
        if (count > MAX_PARTS) {
            throw new IllegalArgumentException("the archive needs " + count + " parts of " + partSize
                    + " B; KSeF allows " + MAX_PARTS);
        }
        List<EncryptedPart> parts = new ArrayList<>(count);
        try (InputStream in = Files.newInputStream(archive.file())) {
            for (int ordinal = 1; ordinal <= count; ordinal++) {
                parts.add(encrypt(in, Math.min(partSize, archive.size() - (ordinal - 1) * partSize), ordinal, key,
                        directory));
            }
            return parts;
        } catch (IOException e) {
            parts.forEach(EncryptedPart::delete);
            throw new UncheckedIOException("cannot encrypt the batch parts", e);
        } catch (RuntimeException e) {
            parts.forEach(EncryptedPart::delete);
            throw e;
        }
    }

    private static EncryptedPart encrypt(InputStream in, long length, int ordinal, SessionKey key, Path directory)
            throws IOException {
        Path file = TempFiles.create(directory, ".part" + ordinal + ".aes");
        HashingOutputStream hashing = new HashingOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                1 << 16));
        try (OutputStream out = new CipherOutputStream(hashing, KsefCrypto.aesCbcCipher(key, Cipher.ENCRYPT_MODE))) {
            copy(in, out, length);
        } catch (IOException | RuntimeException e) {
            TempFiles.delete(file);
            throw e;
        }
        return new EncryptedPart(ordinal, file, hashing.count(), hashing.hash());
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("the archive ended " + left + " B early");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    void delete() {
        TempFiles.delete(file);
    }
}
