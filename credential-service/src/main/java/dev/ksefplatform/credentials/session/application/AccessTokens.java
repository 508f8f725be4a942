package dev.ksefplatform.credentials.session.application;

import java.time.Clock;
import java.time.Duration;
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
 * refused refresh drops the old tokens and logs in afresh.
 */
public final class AccessTokens {

    public static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final ConcurrentMap<KsefContext, CompletableFuture<SessionTokens>> byContext = new ConcurrentHashMap<>();
    private final KsefLogin ksef;
    private final Clock clock;
    private final Executor executor;

    public AccessTokens(KsefLogin ksef, Clock clock, Executor executor) {
        this.ksef = ksef;
        this.clock = clock;
        this.executor = executor;
    }

    /** The context's tokens; {@code ksefToken} is asked for (and the secret opened) only if a login is needed. */
    public CompletableFuture<SessionTokens> tokensFor(KsefContext context,
                                                      Supplier<? extends CompletionStage<String>> ksefToken) {
        return byContext.compute(context, (key, current) -> next(key, current, ksefToken));
    }

    /** Tokens obtained elsewhere (e.g. by verification) become the context's cached tokens. */
    public void remember(KsefContext context, SessionTokens tokens) {
        byContext.put(context, CompletableFuture.completedFuture(tokens));
    }

    public void forgetIntegration(String integrationId) {
        byContext.keySet().removeIf(context -> context.integrationId().equals(integrationId));
    }

    private CompletableFuture<SessionTokens> next(KsefContext context, CompletableFuture<SessionTokens> current,
                                                  Supplier<? extends CompletionStage<String>> ksefToken) {
        if (current == null || current.isCompletedExceptionally()) {
            return login(context, ksefToken);
        }
        if (!current.isDone()) {
            return current;
        }
        SessionTokens tokens = current.join();
        if (tokens.access().validBeyond(clock.instant().plus(REFRESH_MARGIN))) {
            return current;
        }
        return refreshOrLogin(context, tokens, ksefToken);
    }

    private CompletableFuture<SessionTokens> login(KsefContext context,
                                                   Supplier<? extends CompletionStage<String>> ksefToken) {
        return CompletableFuture.completedFuture(null)
                .thenComposeAsync(ignored -> ksefToken.get(), executor)
                .thenApplyAsync(token -> ksef.loginWithKsefToken(context.environment(), context.contextNip(), token),
                        executor);
    }

    private CompletableFuture<SessionTokens> refreshOrLogin(KsefContext context, SessionTokens old,
                                                            Supplier<? extends CompletionStage<String>> ksefToken) {
        if (!old.refresh().validBeyond(clock.instant())) {
            return login(context, ksefToken);
        }
        return CompletableFuture
                .supplyAsync(() -> new SessionTokens(ksef.refresh(context.environment(), old.refresh()), old.refresh()),
                        executor)
                .exceptionallyCompose(failure -> cause(failure) instanceof KsefSessionExpired
                        ? login(context, ksefToken)
                        : CompletableFuture.failedFuture(cause(failure)));
    }

    /** Unwraps the {@link CompletionException} a failed future carries. */
    public static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
