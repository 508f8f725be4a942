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
            // the spec's NIP pattern: [1-9]((\d[1-9])|([1-9]\d))\d{7} — "x00…" passes the checksum but not KSeF
            if (nip != null && !nip.startsWith("00", 1)) {
                return nip;
            }
        }
    }
}
