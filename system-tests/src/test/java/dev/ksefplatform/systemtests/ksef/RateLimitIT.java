package dev.ksefplatform.systemtests.ksef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.FormCode;
import dev.ksefplatform.ksef.client.InvoiceStatus;
import dev.ksefplatform.ksef.client.KsefClient;
import dev.ksefplatform.ksef.client.OnlineSession;
import dev.ksefplatform.ksef.client.RateLimits;
import dev.ksefplatform.ksef.client.SentInvoice;
import dev.ksefplatform.ksef.client.error.KsefRateLimitedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official rate limits are on: the client waits a 429 out for as long as Retry-After says, then completes. Several
 * callers share one context (the limits count per context and IP), so the limit is passed even on a slow machine.
 */
class RateLimitIT {

    private static final Duration FINAL = Duration.ofSeconds(60);
    /** invoiceStatus allows 30 requests a second per context: 3 callers x 15 reads pass it. */
    private static final int STATUS_CALLERS = 3;
    private static final int READS_EACH = 15;
    /** invoiceSend allows 10 a second and 30 a minute: 2 callers x 7 sends pass the first and stay under the second. */
    private static final int SEND_CALLERS = 2;
    private static final int SENDS_EACH = 7;

    @RegisterExtension
    static final KsefContractFixture KSEF = KsefContractFixture.withRateLimits();
    private final RunningSimulator simulator = KSEF.simulator();
    private final Caller main = new Caller(KSEF.contract(), KSEF.client());

    @Test
    void theApiReportsTheLimitsTheseTestsDriveOver() {
        String access = login(TestNips.random());

        RateLimits limits = main.ksef().limits().rateLimits(access);

        assertThat(limits.group("invoiceStatus")).hasValueSatisfying(
                l -> assertThat(l.perSecond()).isLessThan(STATUS_CALLERS * READS_EACH));
        assertThat(limits.group("invoiceSend")).hasValueSatisfying(l -> {
            assertThat(l.perSecond()).isLessThan(SEND_CALLERS * SENDS_EACH);
            assertThat(l.perMinute()).isGreaterThan(SEND_CALLERS * SENDS_EACH);
        });
    }

    @Test
    void statusReadsOverTheLimitWaitOutRetryAfterAndAllComplete() {
        String nip = TestNips.random();
        String access = login(nip);
        SentInvoice sent;
        String sessionRef;
        try (OnlineSession session = main.ksef().onlineSessions().open(access, FormCode.FA3)) {
            sessionRef = session.referenceNumber();
            sent = session.send(OnlineSessionIT.invoice(nip, "FV/RL/1"));
        }

        List<Timed> reads = concurrently(STATUS_CALLERS, caller -> IntStream.range(0, READS_EACH)
                .mapToObj(i -> caller.timed(() -> caller.ksef().onlineSessions()
                        .invoiceStatus(access, sessionRef, sent.referenceNumber())))
                .toList());

        assertThat(reads).hasSize(STATUS_CALLERS * READS_EACH).allMatch(read -> read.result() != null);
        assertEveryThrottledCallWaitedItsRetryAfter(reads);
    }

    @Test
    void sendsOverTheLimitWaitOutRetryAfterAndEachInvoiceReachesKsefOnce() {
        String nip = TestNips.random();
        String access = login(nip);

        List<Timed> sends = concurrently(SEND_CALLERS, caller -> {
            try (OnlineSession session = caller.ksef().onlineSessions().open(access, FormCode.FA3)) {
                return IntStream.range(0, SENDS_EACH)
                        .mapToObj(i -> OnlineSessionIT.invoice(nip, "FV/RL/" + session.referenceNumber() + "/" + i))
                        .map(invoice -> caller.timed(() -> new Sent(session.referenceNumber(), session.send(invoice))))
                        .toList();
            }
        });

        assertEveryThrottledCallWaitedItsRetryAfter(sends);
        List<String> ksefNumbers = new ArrayList<>();
        for (Timed send : sends) {
            Sent sent = (Sent) send.result();
            InvoiceStatus status = main.ksef().onlineSessions().awaitInvoiceStatus(access, sent.sessionReferenceNumber(),
                    sent.invoice().referenceNumber(), FINAL);
            assertThat(status.code()).isEqualTo(InvoiceStatus.SUCCESS);
            ksefNumbers.add(status.ksefNumber());
        }
        assertThat(simulator.acceptedInvoices(nip)).extracting(i -> i.path("ksefNumber").asText())
                .hasSize(SEND_CALLERS * SENDS_EACH)
                .containsExactlyInAnyOrderElementsOf(ksefNumbers);
    }

    @Test
    void aRetryAfterLongerThanTheClientWaitsIsHandedToTheCaller() {
        String nip = TestNips.random();
        String access = login(nip);
        ContractLog log = new ContractLog();
        KsefClient impatient = KSEF.anotherClient(log, options -> options.maxRetryAfter(Duration.ZERO));
        String sessionRef;
        try (OnlineSession session = main.ksef().onlineSessions().open(access, FormCode.FA3)) {
            sessionRef = session.referenceNumber();
        }

        // sessionMisc allows 10 a second and 120 a minute: the loop ends with the exception well before the latter.
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                impatient.onlineSessions().sessionStatus(access, sessionRef);
            }
        }).isInstanceOfSatisfying(KsefRateLimitedException.class, e -> {
            assertThat(e.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(e.retryable()).isTrue();
            assertThat(e.httpStatus()).hasValue(429);
        });
        assertThat(log.exchanges()).last().satisfies(e -> assertThat(e.status()).isEqualTo(429));
    }

    private record Sent(String sessionReferenceNumber, SentInvoice invoice) {
    }

    /** One client call, how long it took and which exchanges it made. */
    private record Timed(Object result, Duration took, List<Exchange> exchanges) {

        Duration retryAfterWaited() {
            return exchanges.stream()
                    .filter(e -> e.status() == 429)
                    .map(e -> Duration.ofSeconds(Long.parseLong(e.responseHeader("Retry-After").orElseThrow())))
                    .reduce(Duration.ZERO, Duration::plus);
        }
    }

    /** A client of its own with a log of its own, so each call's exchanges are known even when callers overlap. */
    private record Caller(ContractLog log, KsefClient ksef) {

        Timed timed(Supplier<Object> call) {
            int before = log.exchanges().size();
            long t0 = System.nanoTime();
            Object result = call.get();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            List<Exchange> all = log.exchanges();
            return new Timed(result, took, all.subList(before, all.size()));
        }
    }

    private Caller caller() {
        ContractLog log = new ContractLog();
        return new Caller(log, KSEF.anotherClient(log));
    }

    private List<Timed> concurrently(int callers, Function<Caller, List<Timed>> work) {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Callable<List<Timed>>> tasks = IntStream.range(0, callers)
                    .mapToObj(i -> caller())
                    .<Callable<List<Timed>>>map(caller -> () -> work.apply(caller))
                    .toList();
            List<Timed> all = new ArrayList<>();
            for (Future<List<Timed>> done : pool.invokeAll(tasks)) {
                all.addAll(done.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError("a caller failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertEveryThrottledCallWaitedItsRetryAfter(List<Timed> calls) {
        List<Timed> throttled = calls.stream().filter(c -> c.retryAfterWaited().compareTo(Duration.ZERO) > 0).toList();
        assertThat(throttled).as("calls that met a 429").isNotEmpty();
        for (Timed call : throttled) {
            assertThat(call.took()).as("%s", call.exchanges()).isGreaterThanOrEqualTo(call.retryAfterWaited());
            assertThat(call.exchanges().get(call.exchanges().size() - 1).status() / 100).isEqualTo(2);
        }
        System.out.printf("FIGURE rate limit: %d of %d calls met a 429 and waited it out%n", throttled.size(),
                calls.size());
    }

    private String login(String nip) {
        String token = simulator.seedKsefToken(nip, "InvoiceWrite", "InvoiceRead").token();
        return main.ksef().auth().loginWithKsefToken(ContextIdentifier.nip(nip), token).accessToken().token();
    }
}
