package dev.ksefplatform.systemtests;

import dev.ksefplatform.ksef.id.Nip;
import java.util.Random;

/** Random NIPs the simulator takes: a valid check digit and the spec's pattern (no leading zero, digits 2-3 not 00). */
final class SampleNips {

    private SampleNips() {
    }

    static String random(Random random) {
        while (true) {
            String nip = Nip.withCheckDigit(String.format("%d%08d", 1 + random.nextInt(9), random.nextInt(100_000_000)));
            if (nip != null && nip.matches("[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}")) {
                return nip;
            }
        }
    }
}
