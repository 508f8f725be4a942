package dev.ksefplatform.simulator.auth;

import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Issued challenges; each is valid for 10 minutes and for one authentication only. */
final class Challenges {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final ReferenceNumbers references;
    private final Clock clock;
    private final Map<String, Challenge> open = new ConcurrentHashMap<>();

    Challenges(ReferenceNumbers references, Clock clock) {
        this.references = references;
        this.clock = clock;
    }

    Challenge issue(String clientIp) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        open.values().removeIf(c -> c.timestamp().plus(LIFETIME).isBefore(now));
        Challenge challenge = new Challenge(references.next("CR"), now, clientIp);
        open.put(challenge.challenge(), challenge);
        return challenge;
    }

    /** Takes the challenge out, so it cannot be used twice; empty when unknown or expired. */
    Optional<Challenge> consume(String value) {
        Challenge challenge = value == null ? null : open.remove(value);
        if (challenge == null || challenge.timestamp().plus(LIFETIME).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(challenge);
    }
}
