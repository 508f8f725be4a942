package dev.ksefplatform.ksef.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bytes no XML document may hold (NUL), anywhere in an invoice, are refused at once, never hung on. */
class ControlCharactersTest {

    private final ExecutorService reader = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        reader.shutdownNow();
    }

    @Test
    void nulBytesAtEveryPositionOfAnInvoiceAreRefusedPromptly() throws Exception {
        byte[] valid = Fa3Samples.template("5265877635", "FV/1/2026").getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at <= valid.length; at++) {
            byte[] bad = new byte[valid.length + 3];
            System.arraycopy(valid, 0, bad, 0, at);
            System.arraycopy(valid, at, bad, at + 3, valid.length - at);
            Future<Fa3Reading> reading = reader.submit(() -> Fa3Schema.get().read(bad));
            Fa3Reading result = reading.get(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(result).as("NUL bytes at %d", at).isNotInstanceOf(Fa3Reading.Valid.class);
        }
    }
}
