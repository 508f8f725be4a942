package dev.ksefplatform.systemtests.bench;

import dev.ksefplatform.ksef.id.Nip;
import java.util.concurrent.ThreadLocalRandom;

/** Random valid NIPs the KSeF spec's pattern accepts (no leading zero, digits 2-3 not both zero). */
final class Nips {

    private static final String SPEC_PATTERN = "[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}";

    private Nips() {
    }

    static String random() {
        while (true) {
            String nip = Nip.withCheckDigit(String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L)));
            if (nip != null && nip.matches(SPEC_PATTERN)) {
                return nip;
            }
        }
    }
}
