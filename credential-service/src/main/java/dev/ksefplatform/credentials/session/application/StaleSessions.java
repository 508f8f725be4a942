package dev.ksefplatform.credentials.session.application;

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
 * sessions this instance opened are revoked: the taxpayer's other systems may hold sessions in the
 * same context, and those are not ours to end. A revocation that fails is retried by {@link #sweep}.
 */
public final class StaleSessions {

    private static final Logger log = LoggerFactory.getLogger(StaleSessions.class);

    private final KsefSessions ksef;
    private final Map<KsefContext, Set<String>> staleByContext = new ConcurrentHashMap<>();

    public StaleSessions(KsefSessions ksef) {
        this.ksef = ksef;
    }

    /** {@code old} no longer serves {@code context}; its session is revoked at the next chance. */
    public void replaced(KsefContext context, SessionTokens old) {
        if (old.authReference() != null) {
            staleByContext.computeIfAbsent(context, key -> ConcurrentHashMap.newKeySet()).add(old.authReference());
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
        try {
            return revokeListed(context, current);
        } catch (RuntimeException e) {
            log.warn("cannot list KSeF auth sessions integrationId={} contextNip={} error={}", context.integrationId(),
                    context.contextNip(), e.getClass().getSimpleName());
            return new Result(0, staleByContext.getOrDefault(context, Set.of()).size());
        }
    }

    private Result revokeListed(KsefContext context, SessionTokens current) {
        Set<String> stale = staleByContext.get(context);
        if (stale != null && current.authReference() != null) {
            stale.remove(current.authReference());
        }
        if (stale == null || stale.isEmpty()) {
            return new Result(0, 0);
        }
        List<String> active = ksef.otherActiveSessions(context.environment(), context.contextNip(),
                current.access().value());
        stale.retainAll(active);
        int revoked = 0;
        for (String reference : List.copyOf(stale)) {
            if (revoke(context, current, reference)) {
                stale.remove(reference);
                revoked++;
            }
        }
        staleByContext.computeIfPresent(context, (key, left) -> left.isEmpty() ? null : left);
        return new Result(revoked, stale.size());
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

    /** Sessions revoked, and stale sessions still waiting for a retry. */
    public record Result(int revoked, int left) {
    }
}
