package dev.ksefplatform.credentials.session.application;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revokes KSeF authentication sessions this service opened and then replaced (a refused refresh
 * followed by a fresh login, tokens dropped or re-seeded), so their refresh tokens stop working. Only
 * sessions this service opened are revoked: the taxpayer's other systems may hold sessions in the
 * same context, and those are not ours to end. This instance revokes its own right after the context's next
 * login; every opened and replaced session is also recorded ({@link SessionRecords}), so the periodic sweep of
 * any one instance revokes what any instance left ({@link #revokeRecorded}).
 */
public final class StaleSessions {

    private static final Logger log = LoggerFactory.getLogger(StaleSessions.class);

    private final KsefSessions ksef;
    private final SessionRecords records;
    private final Map<KsefContext, Set<String>> staleByContext = new ConcurrentHashMap<>();

    public StaleSessions(KsefSessions ksef, SessionRecords records) {
        this.ksef = ksef;
        this.records = records;
    }

    public StaleSessions(KsefSessions ksef) {
        this(ksef, SessionRecords.NONE);
    }

    /** {@code tokens} came from a new login in {@code context}. */
    public void opened(KsefContext context, SessionTokens tokens) {
        if (tokens.authReference() != null) {
            records.opened(context, tokens.authReference());
        }
    }

    /** {@code old} no longer serves {@code context}; its session is revoked at the next chance. */
    public void replaced(KsefContext context, SessionTokens old) {
        if (old.authReference() != null) {
            staleByContext.computeIfAbsent(context, key -> ConcurrentHashMap.newKeySet()).add(old.authReference());
            records.replaced(context, old.authReference());
        }
    }

    public boolean hasStale(KsefContext context) {
        Set<String> stale = staleByContext.get(context);
        return stale != null && !stale.isEmpty();
    }

    /**
     * Lists the context's sessions with {@code current}'s access token and revokes the stale ones still
     * active; a failure leaves them for the next {@link #sweep}.
     */
    public Result revokeStale(KsefContext context, SessionTokens current) {
        Set<String> stale = staleByContext.get(context);
        if (stale != null && current.authReference() != null) {
            stale.remove(current.authReference());
        }
        if (stale == null || stale.isEmpty()) {
            return new Result(0, 0);
        }
        Result result = revokeRecorded(context, current, Set.copyOf(stale));
        staleByContext.computeIfPresent(context, (key, left) -> {
            left.removeAll(result.settled());
            return left.isEmpty() ? null : left;
        });
        return result;
    }

    /**
     * Revokes those of {@code stale} that KSeF still lists as active in the context (listed with {@code current}'s
     * access token); those it no longer lists are recorded as gone. Never revokes {@code current}'s own session.
     */
    public Result revokeRecorded(KsefContext context, SessionTokens current, Set<String> stale) {
        List<String> active;
        try {
            active = ksef.otherActiveSessions(context.environment(), context.contextNip(), current.access().value());
        } catch (RuntimeException e) {
            log.warn("cannot list KSeF auth sessions integrationId={} contextNip={} error={}", context.integrationId(),
                    context.contextNip(), e.getClass().getSimpleName());
            return new Result(0, stale.size());
        }
        List<String> gone = stale.stream().filter(ref -> !active.contains(ref)).toList();
        List<String> revoked = new ArrayList<>();
        for (String reference : stale) {
            if (active.contains(reference) && !reference.equals(current.authReference())
                    && revoke(context, current, reference)) {
                revoked.add(reference);
            }
        }
        records.gone(gone);
        records.revoked(revoked);
        Set<String> settled = new HashSet<>(gone);
        settled.addAll(revoked);
        return new Result(revoked.size(), stale.size() - settled.size(), settled);
    }

    /** Retries every context that still has stale sessions and, per {@code currentTokens}, a live session to act with. */
    public Result sweep(Function<KsefContext, Optional<SessionTokens>> currentTokens) {
        int revoked = 0;
        int left = 0;
        for (KsefContext context : List.copyOf(staleByContext.keySet())) {
            Optional<SessionTokens> current = currentTokens.apply(context);
            if (current.isPresent()) {
                Result result = revokeStale(context, current.get());
                revoked += result.revoked();
                left += result.left();
            }
        }
        return new Result(revoked, left);
    }

    private boolean revoke(KsefContext context, SessionTokens current, String reference) {
        try {
            ksef.revoke(context.environment(), context.contextNip(), current.access().value(), reference);
            log.info("revoked stale KSeF auth session integrationId={} contextNip={} session={}",
                    context.integrationId(), context.contextNip(), reference);
            return true;
        } catch (RuntimeException e) {
            log.warn("cannot revoke stale KSeF auth session integrationId={} contextNip={} session={} error={}",
                    context.integrationId(), context.contextNip(), reference, e.getClass().getSimpleName());
            return false;
        }
    }

    /** Sessions revoked, stale sessions still waiting for a retry, and those settled (revoked or gone). */
    public record Result(int revoked, int left, Set<String> settled) {
        public Result(int revoked, int left) {
            this(revoked, left, Set.of());
        }
    }
}
