package dev.ksefplatform.commandapi.submission.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;

/**
 * A safety net for commands the event log never showed the gateway (its consumer stopped, or the read model learnt
 * of a command some other way): once such a command is older than {@code interval}, the read model is asked about
 * it, at most once per {@code interval} per command and instance.
 */
public final class UnseenRecheck {

    private final Duration interval;
    private final Cache<String, Instant> lastAsked;

    public UnseenRecheck(Duration interval, int maxCommands) {
        this.interval = interval;
        this.lastAsked = Caffeine.newBuilder().maximumSize(maxCommands).expireAfterWrite(interval).build();
    }

    /** True when the read model should be asked now; the ask is then recorded. */
    public boolean due(CommandLog.RecordedCommand command, Instant now) {
        if (!command.published() || command.acceptedAt().plus(interval).isAfter(now)) {
            return false;
        }
        boolean[] due = {false};
        lastAsked.asMap().computeIfAbsent(command.commandId(), id -> {
            due[0] = true;
            return now;
        });
        return due[0];
    }
}
