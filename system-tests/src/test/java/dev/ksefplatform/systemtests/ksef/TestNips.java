package dev.ksefplatform.systemtests.ksef;

import dev.ksefplatform.ksef.id.Nip;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh checksum-valid NIPs, so tests never share a taxpayer (duplicates are per seller NIP). */
final class TestNips {

    /** The spec's {@code Nip} pattern: no leading zero, and digits 2-3 are not both zero. */
    private static final String SPEC_PATTERN = "[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}";

    private TestNips() {
    }

    static String random() {
        while (true) {
            String nine = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
            String nip = Nip.withCheckDigit(nine);
            if (nip != null && nip.matches(SPEC_PATTERN)) {
                return nip;
            }
        }
    }
}
