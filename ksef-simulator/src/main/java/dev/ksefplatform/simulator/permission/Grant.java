package dev.ksefplatform.simulator.permission;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** One permission held by an identifier in a NIP context. */
record Grant(String contextNip, String authorizedType, String authorizedValue, String permission,
             String description, Instant startDate) {

    /** Stable 36-character id, the same for the same (context, holder, permission). */
    String id() {
        return UUID.nameUUIDFromBytes(String.join("|", contextNip, authorizedType, authorizedValue, permission)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
