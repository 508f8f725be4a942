package dev.ksefplatform.ksef.client.io;

import dev.ksefplatform.ksef.client.crypto.KsefCrypto;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Base64;

/** Counts and SHA-256-hashes what passes through, so sizes and hashes come with the one write. */
public final class HashingOutputStream extends FilterOutputStream {

    private final MessageDigest digest = KsefCrypto.sha256Digest();
    private long count;

    public HashingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        count += len;
    }

    public long count() {
        return count;
    }

    /** Base64 SHA-256 of everything written; call once, after the last write. */
    public String hash() {
        return Base64.getEncoder().encodeToString(digest.digest());
    }
}
