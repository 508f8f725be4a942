package dev.ksefplatform.ksef.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Pooled parsers and validators are reused across threads and after refusals without mixing documents. */
class Fa3SchemaConcurrencyTest {

    private static final String[] NIPS = {"5265877635", "3861610227", "7251801126", "1111111111"};

    @Test
    void readsManyDocumentsOnManyThreadsEachWithItsOwnFacts() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = IntStream.range(0, 400).mapToObj(i -> threads.submit(() -> readsItsOwn(i))).toList();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Every third document is broken mid-way, so passes are also reused right after an aborted parse. */
    private static boolean readsItsOwn(int i) {
        String nip = NIPS[i % 3];
        String number = "FV/" + i + "/2026";
        String xml = Fa3Samples.template(nip, number);
        if (i % 3 == 0) {
            Fa3Reading broken = Fa3Schema.get().read((xml.substring(0, xml.length() / 2) + "<a>".repeat(100))
                    .getBytes(StandardCharsets.UTF_8));
            return !(broken instanceof Fa3Reading.Valid);
        }
        Fa3Reading reading = Fa3Schema.get().read(xml.getBytes(StandardCharsets.UTF_8));
        return reading instanceof Fa3Reading.Valid valid && valid.facts().sellerNip().equals(nip)
                && valid.facts().invoiceNumber().equals("FA/GRQMB-" + number + "/05/2025");
    }
}
