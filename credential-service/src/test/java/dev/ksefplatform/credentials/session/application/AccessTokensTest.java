package dev.ksefplatform.credentials.session.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.credentials.integration.domain.KsefTokenGrant;
import dev.ksefplatform.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final KsefCredential TOKEN = new KsefCredential.KsefToken("ksef-token");
    private static final KsefContext CONTEXT = new KsefContext("i-1", "TEST", "5265877635");

    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final ScriptedKsef ksef = new ScriptedKsef();
    private final MutableClock clock = new MutableClock(NOW);
    private final RecordingSessions sessions = new RecordingSessions();
    private final AccessTokens tokens = new AccessTokens(ksef, clock, executor, new StaleSessions(sessions));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void concurrentRequestsForOneContextShareOneLogin() throws Exception {
        ksef.loginGate = new CountDownLatch(1);
        List<CompletableFuture<SessionTokens>> futures = new ArrayList<>();

        for (int i = 0; i < 50; i++) {
            futures.add(tokens.tokensFor(CONTEXT, () -> CompletableFuture.completedFuture(TOKEN)));
        }
        ksef.loginGate.countDown();

        for (CompletableFuture<SessionTokens> future : futures) {
            assertThat(future.get(5, TimeUnit.SECONDS).access().value()).isEqualTo("access-1");
        }
        assertThat(ksef.logins.get()).isEqualTo(1);
    }

    @Test
    void servesCachedTokensWhileTheyAreValidBeyondTheMargin() throws Exception {
        tokens.tokensFor(CONTEXT, () -> CompletableFuture.completedFuture(TOKEN)).get(5, TimeUnit.SECONDS);
        clock.advance(Duration.ofMinutes(9));

        SessionTokens again = tokens.tokensFor(CONTEXT, () -> CompletableFuture.completedFuture(TOKEN)).get(5, TimeUnit.SECONDS);

        assertThat(again.access().value()).isEqualTo("access-1");
        assertThat(ksef.logins.get()).isEqualTo(1);
        assertThat(ksef.refreshes.get()).isZero();
    }

    @Test
    void refreshesWhenTheAccessTokenExpiresWithinFiveMinutes() throws Exception {
        tokens.tokensFor(CONTEXT, () -> CompletableFuture.completedFuture(TOKEN)).get(5, TimeUnit.SECONDS);
        clock.advance(Duration.ofMinutes(11));

        SessionTokens refreshed = tokens.tokensFor(CONTEXT, () -> CompletableFuture.completedFuture(TOKEN)).get(5, TimeUnit.SECONDS);

        assertThat(refreshed.access().value()).isEqualTo("refreshed-1");
        assertThat(refreshed.refresh().value()).isEqualTo("refresh-1");
        assertThat(ksef.logins.get()).isEqualTo(1);
    }

    @Test
    void logsInAfreshWhenTheRefreshIsRefused() throws Exception {
        tokens.tokensFor(CONTEXT, () -> CompletableFuture.completedFuture(TOKEN)).get(5, TimeUnit.SECONDS);
        clock.advance(Duration.ofMinutes(11));
        ksef.refuseRefresh = true;

        SessionTokens fresh = tokens.tokensFor(CONTEXT, () -> CompletableFuture.completedFuture(TOKEN)).get(5, TimeUnit.SECONDS);

        assertThat(fresh.access().value()).isEqualTo("access-2");
        assertThat(fresh.refresh().value()).isEqualTo("refresh-2");
        assertThat(ksef.logins.get()).isEqualTo(2);
    }

    @Test
    void afterARefusedRefreshTheFreshLoginRevokesTheReplacedSession() throws Exception {
        tokens.tokensFor(CONTEXT, () -> CompletableFuture.completedFuture(TOKEN)).get(5, TimeUnit.SECONDS);
        clock.advance(Duration.ofMinutes(11));
        ksef.refuseRefresh = true;
        sessions.active.addAll(List.of("auth-1", "someone-elses-session"));

        tokens.tokensFor(CONTEXT, () -> CompletableFuture.completedFuture(TOKEN)).get(5, TimeUnit.SECONDS);

        assertThat(sessions.revoked.poll(5, TimeUnit.SECONDS)).isEqualTo("auth-1 with access-2");
        assertThat(sessions.active).containsExactly("someone-elses-session");
    }

    @Test
    void aSuccessfulRefreshKeepsTheSessionAndRevokesNothing() throws Exception {
        tokens.tokensFor(CONTEXT, () -> CompletableFuture.completedFuture(TOKEN)).get(5, TimeUnit.SECONDS);
        clock.advance(Duration.ofMinutes(11));
        sessions.active.add("auth-1");

        SessionTokens refreshed = tokens.tokensFor(CONTEXT, () -> CompletableFuture.completedFuture(TOKEN))
                .get(5, TimeUnit.SECONDS);

        assertThat(refreshed.authReference()).isEqualTo("auth-1");
        assertThat(sessions.lists.get()).isZero();
        assertThat(sessions.revoked).isEmpty();
    }

    @Test
    void aFailedLoginIsNotCachedAndTheNextRequestLogsInAgain() throws Exception {
        ksef.failNextLogin = true;

        CompletableFuture<SessionTokens> failed = tokens.tokensFor(CONTEXT, () -> CompletableFuture.completedFuture(TOKEN));
        assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(KsefUnavailable.class);
        SessionTokens recovered = tokens.tokensFor(CONTEXT, () -> CompletableFuture.completedFuture(TOKEN)).get(5, TimeUnit.SECONDS);

        assertThat(recovered.access().value()).isEqualTo("access-2");
    }

    @Test
    void forgettingAnIntegrationDropsItsTokens() throws Exception {
        tokens.tokensFor(CONTEXT, () -> CompletableFuture.completedFuture(TOKEN)).get(5, TimeUnit.SECONDS);

        tokens.forgetIntegration("i-1");
        tokens.tokensFor(CONTEXT, () -> CompletableFuture.completedFuture(TOKEN)).get(5, TimeUnit.SECONDS);

        assertThat(ksef.logins.get()).isEqualTo(2);
    }

    @Test
    void theSecretIsReadOnlyWhenALoginIsNeeded() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        tokens.tokensFor(CONTEXT, () -> { reads.incrementAndGet(); return CompletableFuture.completedFuture(TOKEN); }).get(5, TimeUnit.SECONDS);
        tokens.tokensFor(CONTEXT, () -> { reads.incrementAndGet(); return CompletableFuture.completedFuture(TOKEN); }).get(5, TimeUnit.SECONDS);

        assertThat(reads.get()).isEqualTo(1);
    }

    /** Access tokens live 15 minutes, refresh tokens 7 days, like KSeF's. */
    private final class ScriptedKsef implements KsefLogin {
        final AtomicInteger logins = new AtomicInteger();
        final AtomicInteger refreshes = new AtomicInteger();
        volatile CountDownLatch loginGate = new CountDownLatch(0);
        volatile boolean refuseRefresh;
        volatile boolean failNextLogin;

        @Override
        public SessionTokens login(String environment, String contextNip, KsefCredential credential) {
            try {
                loginGate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            int n = logins.incrementAndGet();
            if (failNextLogin) {
                failNextLogin = false;
                throw new KsefUnavailable("KSeF down", null);
            }
            return new SessionTokens(new Token("access-" + n, clock.instant().plus(Duration.ofMinutes(15))),
                    new Token("refresh-" + n, clock.instant().plus(Duration.ofDays(7))), "auth-" + n);
        }

        @Override
        public Token refresh(String environment, String contextNip, Token refreshToken) {
            int n = refreshes.incrementAndGet();
            if (refuseRefresh) {
                throw new KsefSessionExpired("refused", null);
            }
            return new Token("refreshed-" + n, clock.instant().plus(Duration.ofMinutes(15)));
        }

        @Override
        public KsefTokenGrant tokenGrant(String environment, String contextNip, String accessToken,
                                         String tokenReferenceNumber) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Set<String> personalGrants(String environment, String accessToken, String contextNip) {
            throw new UnsupportedOperationException();
        }
    }

    /** The context's sessions as KSeF would list them; records revocations as "reference with accessToken". */
    private static final class RecordingSessions implements KsefSessions {
        final List<String> active = new java.util.concurrent.CopyOnWriteArrayList<>();
        final java.util.concurrent.BlockingQueue<String> revoked = new java.util.concurrent.LinkedBlockingQueue<>();
        final AtomicInteger lists = new AtomicInteger();

        @Override
        public List<String> otherActiveSessions(String environment, String contextNip, String accessToken) {
            lists.incrementAndGet();
            return List.copyOf(active);
        }

        @Override
        public void revoke(String environment, String contextNip, String accessToken, String referenceNumber) {
            active.remove(referenceNumber);
            revoked.add(referenceNumber + " with " + accessToken);
        }
    }
}
