package dev.ksefplatform.credentials.support;

import dev.ksefplatform.ksef.id.Nip;
import java.util.concurrent.ThreadLocalRandom;

/** Random valid NIPs, so test classes sharing one database never collide. */
public final class Nips {

    private Nips() {
    }

    public static String random() {
        while (true) {
            String nine = Integer.toString(1 + ThreadLocalRandom.current().nextInt(9))
                    + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            String nip = Nip.withCheckDigit(nine);
            if (nip != null && (nip.charAt(1) != '0' || nip.charAt(2) != '0')) {
                return nip;
            }
        }
    }
}
