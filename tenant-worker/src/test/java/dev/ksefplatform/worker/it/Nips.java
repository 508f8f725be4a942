package dev.ksefplatform.worker.it;

import dev.ksefplatform.ksef.id.Nip;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh, checksum-valid NIPs: every test acts in contexts of its own. */
final class Nips {

    private Nips() {
    }

    static String random() {
        while (true) {
            String nine = String.format("%09d", ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
            String nip = Nip.withCheckDigit(nine);
            if (nip != null) {
                return nip;
            }
        }
    }
}
