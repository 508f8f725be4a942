package dev.ksefplatform.ksef.client.bench;

import dev.ksefplatform.ksef.client.crypto.SessionKey;
import dev.ksefplatform.ksef.client.session.InvoiceEncryption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The client's per-invoice CPU cost (hash, encrypt, hash the ciphertext, Base64, JSON request)
 * against the floor of raw JCA AES-256-CBC + SHA-256 over the same bytes. Run with
 * {@code ksef-client/bench.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InvoiceEncryptionBenchmark {

    @Param({"10240", "1000000"})
    int size;

    byte[] invoice;
    SessionKey sessionKey;
    SecretKeySpec rawKey;
    IvParameterSpec rawIv;

    @Setup
    public void setUp() {
        invoice = new byte[size];
        new SecureRandom().nextBytes(invoice);
        sessionKey = SessionKey.random();
        byte[] key = new byte[32];
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(key);
        new SecureRandom().nextBytes(iv);
        rawKey = new SecretKeySpec(key, "AES");
        rawIv = new IvParameterSpec(iv);
    }

    @Benchmark
    public byte[] clientRequestBody() {
        return InvoiceEncryption.requestBody(sessionKey, invoice, false);
    }

    @Benchmark
    public byte[] jcaFloorAesCbcPlusSha256() throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, rawKey, rawIv);
        byte[] encrypted = cipher.doFinal(invoice);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(invoice);
        encrypted[0] ^= digest[0];
        return encrypted;
    }
}
