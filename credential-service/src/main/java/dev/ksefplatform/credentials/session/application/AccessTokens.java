package dev.ksefplatform.credentials.session.application;

import dev.ksefplatform.credentials.integration.domain.Cause;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * KSeF tokens per context, in memory only. Concurrent requests for one context share one in-flight
 * login or refresh; tokens are refreshed when they expire within {@link #REFRESH_MARGIN}, and a
 * refused refresh drops the old tokens and logs in afresh. Tokens that are replaced or dropped hand
 * their KSeF session to {@link StaleSessions}, which revokes it after the context's next login.
 */
public final class AccessTokens {

    public static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final ConcurrentMap<KsefContext, CompletableFuture<SessionTokens>> byContext = new ConcurrentHashMap<>();
    private final KsefLogin ksef;
    private final Clock clock;
    private final Executor executor;
    private final StaleSessions staleSessions;

    public AccessTokens(KsefLogin ksef, Clock clock, Executor executor, StaleSessions staleSessions) {
        this.ksef = ksef;
        this.clock = clock;
        this.executor = executor;
        this.staleSessions = staleSessions;
    }

    /** The context's tokens for the service's own work ({@link Cause#SYSTEM}). */
    public CompletableFuture<SessionTokens> tokensFor(KsefContext context,
                                                      Supplier<? extends CompletionStage<KsefCredential>> credential) {
        return tokensFor(context, credential, Cause.SYSTEM);
    }

    /**
     * The context's tokens; {@code credential} is asked for (and the secret opened) only if a login is needed. The KSeF
     * calls a login or refresh makes are audited under {@code cause}; a login shared by concurrent requests names the
     * cause of the request that started it.
     */
    public CompletableFuture<SessionTokens> tokensFor(KsefContext context,
                                                      Supplier<? extends CompletionStage<KsefCredential>> credential,
                                                      Cause cause) {
        return byContext.compute(context, (key, current) -> next(key, current, credential, cause));
    }

    /** Tokens obtained elsewhere (e.g. by verification, for {@code cause}) become the context's cached tokens. */
    public void remember(KsefContext context, SessionTokens tokens, Cause cause) {
        replaced(context, byContext.put(context, CompletableFuture.completedFuture(tokens)));
        revokeStaleWith(context, tokens, cause);
    }

    public void forgetIntegration(String integrationId) {
        byContext.forEach((context, tokens) -> {
            if (context.integrationId().equals(integrationId) && byContext.remove(context, tokens)) {
                replaced(context, tokens);
            }
        });
    }

    /** The context's cached tokens if their access token is still valid beyond the refresh margin. */
    public Optional<SessionTokens> cached(KsefContext context) {
        CompletableFuture<SessionTokens> current = byContext.get(context);
        if (current == null || !current.isDone() || current.isCompletedExceptionally()) {
            return Optional.empty();
        }
        SessionTokens tokens = current.join();
        return tokens.access().validBeyond(clock.instant().plus(REFRESH_MARGIN)) ? Optional.of(tokens) : Optional.empty();
    }

    private CompletableFuture<SessionTokens> next(KsefContext context, CompletableFuture<SessionTokens> current,
                                                  Supplier<? extends CompletionStage<KsefCredential>> credential,
                                                  Cause cause) {
        if (current == null || current.isCompletedExceptionally()) {
            return login(context, credential, cause);
        }
        if (!current.isDone()) {
            return current;
        }
        SessionTokens tokens = current.join();
        if (tokens.access().validBeyond(clock.instant().plus(REFRESH_MARGIN))) {
            return current;
        }
        return refreshOrLogin(context, tokens, credential, cause);
    }

    private CompletableFuture<SessionTokens> login(KsefContext context,
                                                   Supplier<? extends CompletionStage<KsefCredential>> credential,
                                                   Cause cause) {
        return CompletableFuture.completedFuture(null)
                .thenComposeAsync(ignored -> credential.get(), executor)
                .thenApplyAsync(opened -> CauseScope.within(cause,
                        () -> ksef.login(context.environment(), context.contextNip(), opened)), executor)
                .thenApply(tokens -> revokeStaleWith(context, tokens, cause));
    }

    private CompletableFuture<SessionTokens> refreshOrLogin(KsefContext context, SessionTokens old,
                                                            Supplier<? extends CompletionStage<KsefCredential>> credential,
                                                            Cause cause) {
        if (!old.refresh().validBeyond(clock.instant())) {
            return login(context, credential, cause);
        }
        return CompletableFuture
                .supplyAsync(() -> CauseScope.within(cause, () -> old.withAccess(ksef.refresh(context.environment(),
                        context.contextNip(), old.refresh()))), executor)
                .exceptionallyCompose(failure -> {
                    if (cause(failure) instanceof KsefSessionExpired) {
                        staleSessions.replaced(context, old);
                        return login(context, credential, cause);
                    }
                    return CompletableFuture.failedFuture(cause(failure));
                });
    }

    private void replaced(KsefContext context, CompletableFuture<SessionTokens> old) {
        if (old != null && old.isDone() && !old.isCompletedExceptionally()) {
            staleSessions.replaced(context, old.join());
        }
    }

    /** Revocation runs beside the lease, never in its way. */
    private SessionTokens revokeStaleWith(KsefContext context, SessionTokens current, Cause cause) {
        staleSessions.opened(context, current);
        if (staleSessions.hasStale(context)) {
            executor.execute(() -> CauseScope.within(cause, () -> staleSessions.revokeStale(context, current)));
        }
        return current;
    }

    /** Unwraps the {@link CompletionException} a failed future carries. */
    public static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
