package dev.ksefplatform.systemtests.ksef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.ksef.client.AuthTokens;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.FormCode;
import dev.ksefplatform.ksef.client.InvoiceStatus;
import dev.ksefplatform.ksef.client.KsefClient;
import dev.ksefplatform.ksef.client.OnlineSession;
import dev.ksefplatform.ksef.client.SentInvoice;
import dev.ksefplatform.ksef.client.SessionStatus;
import dev.ksefplatform.ksef.client.error.KsefException;
import dev.ksefplatform.ksef.client.error.KsefUnauthorizedException;
import dev.ksefplatform.ksef.client.error.KsefUnexpectedResponseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Key rotation, HTML maintenance pages and expired tokens, injected into the simulator, met by the real client. */
class KsefFaultToleranceIT {

    private static final Duration FINAL = Duration.ofSeconds(60);
    private static final int RETRIES = 6;

    @RegisterExtension
    static final KsefContractFixture KSEF = KsefContractFixture.withoutRateLimits()
            .clientOptions(options -> options.maxRetries(RETRIES))
            .conformanceExcept(KsefFaultToleranceIT::isInjectedHtmlPage);
    private final RunningSimulator simulator = KSEF.simulator();
    private final ContractLog contract = KSEF.contract();
    private final KsefClient ksef = KSEF.client();

    @AfterEach
    void liftFaults() {
        simulator.clearFaults();
    }

    @Test
    void afterEmergencyKeyRotationsTheClientRefetchesKeysAndRetriesLoginAndSessionOpeningOnce() {
        String nip = TestNips.random();
        String token = simulator.seedKsefToken(nip, "InvoiceWrite").token();
        try (OnlineSession warmUp = ksef.onlineSessions().open(login(nip, token), FormCode.FA3)) {
            assertThat(warmUp.referenceNumber()).isNotBlank();
        }
        int before = contract.exchanges().size();

        simulator.injectFaults(Map.of("rotatePublicKeys", true));
        String access = login(nip, token);
        simulator.injectFaults(Map.of("rotatePublicKeys", true));
        String sessionRef;
        SentInvoice sent;
        try (OnlineSession session = ksef.onlineSessions().open(access, FormCode.FA3)) {
            sessionRef = session.referenceNumber();
            sent = session.send(OnlineSessionIT.invoice(nip, "FV/ROT/1"));
        }

        assertThat(ksef.onlineSessions().awaitInvoiceStatus(access, sessionRef, sent.referenceNumber(), FINAL).code())
                .isEqualTo(InvoiceStatus.SUCCESS);
        List<Exchange> afterRotation = contract.exchanges().subList(before, contract.exchanges().size());
        assertThat(afterRotation.stream().filter(e -> e.status() == 400).map(Exchange::toString))
                .as("one 21470 per rotation, each followed by a key re-fetch and one retry")
                .hasSize(2)
                .allMatch(e -> e.startsWith("POST /v2/auth/ksef-token") || e.startsWith("POST /v2/sessions/online "));
        assertThat(afterRotation).filteredOn(e -> e.uri().getPath().endsWith("/security/public-key-certificates"))
                .hasSize(2);
        assertThat(afterRotation).filteredOn(e -> e.status() == 400)
                .allMatch(e -> new String(e.responseBody()).contains("21470"));
    }

    @Test
    void anHtmlPageInsteadOfJsonIsARetryableUnexpectedResponse() {
        String nip = TestNips.random();
        String access = login(nip, simulator.seedKsefToken(nip, "InvoiceWrite").token());
        String sessionRef = openAndClose(access);
        int before = contract.exchanges().size();
        simulator.injectFaults(Map.of("htmlRate", 1.0, "htmlStatus", 200));

        assertThatThrownBy(() -> ksef.onlineSessions().sessionStatus(access, sessionRef))
                .isInstanceOfSatisfying(KsefUnexpectedResponseException.class,
                        e -> assertThat(e.retryable()).isTrue());
        assertThat(contract.exchanges().subList(before, contract.exchanges().size()))
                .as("the first attempt and every retry met the page")
                .hasSize(1 + RETRIES)
                .allMatch(KsefFaultToleranceIT::isInjectedHtmlPage);
    }

    @Test
    void anHtmlMaintenancePageWith503IsARetryableServerSideFailure() {
        String nip = TestNips.random();
        String access = login(nip, simulator.seedKsefToken(nip, "InvoiceWrite").token());
        String sessionRef = openAndClose(access);
        simulator.injectFaults(Map.of("htmlRate", 1.0));

        assertThatThrownBy(() -> ksef.onlineSessions().sessionStatus(access, sessionRef))
                .isInstanceOfSatisfying(KsefException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.httpStatus()).hasValue(503);
                });
    }

    @Test
    void withSomeHtmlPagesTheClientsRetriesGetEveryIdempotentCallThrough() {
        String nip = TestNips.random();
        String access = login(nip, simulator.seedKsefToken(nip, "InvoiceWrite").token());
        String sessionRef = openAndClose(access);
        int before = contract.exchanges().size();
        simulator.injectFaults(Map.of("htmlRate", 0.3, "htmlStatus", 200, "seed", 42));

        for (int i = 0; i < 20; i++) {
            SessionStatus status = ksef.onlineSessions().sessionStatus(access, sessionRef);
            assertThat(status.code()).isIn(170, 200, 440);
        }

        List<Exchange> exchanges = contract.exchanges().subList(before, contract.exchanges().size());
        assertThat(exchanges).filteredOn(KsefFaultToleranceIT::isInjectedHtmlPage).isNotEmpty();
        assertThat(exchanges).filteredOn(e -> e.status() == 200 && !isInjectedHtmlPage(e)).hasSize(20);
    }

    @Test
    void anExpiredAccessTokenIsATypedUnauthorizedAndTheRefreshTokenRestoresAccess() {
        String nip = TestNips.random();
        AuthTokens tokens = ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip),
                simulator.seedKsefToken(nip, "InvoiceWrite").token());
        String sessionRef = openAndClose(tokens.accessToken().token());
        simulator.injectFaults(Map.of("expireTokens", true));

        assertThatThrownBy(() -> ksef.onlineSessions().sessionStatus(tokens.accessToken().token(), sessionRef))
                .isInstanceOfSatisfying(KsefUnauthorizedException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.httpStatus()).hasValue(401);
                })
                .hasMessageNotContaining(tokens.accessToken().token());
        String fresh = ksef.auth().refresh(tokens.refreshToken().token()).token();
        assertThat(ksef.onlineSessions().sessionStatus(fresh, sessionRef).code()).isIn(170, 200, 440);
    }

    private String openAndClose(String access) {
        try (OnlineSession session = ksef.onlineSessions().open(access, FormCode.FA3)) {
            return session.referenceNumber();
        }
    }

    private String login(String nip, String token) {
        AuthTokens tokens = ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip), token);
        return tokens.accessToken().token();
    }

    private static boolean isInjectedHtmlPage(Exchange exchange) {
        return exchange.responseHeader("Content-Type").orElse("").startsWith("text/html");
    }
}
