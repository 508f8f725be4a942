package dev.ksefplatform.credentials.session.adapter.ksef;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ksefplatform.credentials.session.application.KsefContext;
import dev.ksefplatform.credentials.session.application.SessionTokens;
import dev.ksefplatform.credentials.session.application.StaleSessions;
import dev.ksefplatform.credentials.session.application.Token;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stale-session revocation through the real ksef-client over HTTP. The simulator does not serve
 * {@code /auth/sessions} (see its README), so KSeF is a WireMock stub answering as the spec says.
 */
class StaleSessionRevocationTest {

    private static final KsefContext CONTEXT = new KsefContext("i-1", "TEST", "5265877635");
    private static final SessionTokens CURRENT = tokens("20261122-AU-NEW", "access-new");

    private final WireMockServer ksef = new WireMockServer(options().dynamicPort());
    private StaleSessions staleSessions;

    @BeforeEach
    void start() {
        ksef.start();
        ksef.stubFor(get(urlPathEqualTo("/v2/auth/sessions")).willReturn(okJson("""
                {"items":[
                  {"referenceNumber":"20261122-AU-NEW","isCurrent":true,"startDate":"2026-11-22T10:00:00Z",
                   "status":{"code":200,"description":"Uwierzytelnianie zakończone sukcesem"},"isTokenRedeemed":true,
                   "refreshTokenValidUntil":"2026-11-29T10:00:00Z"},
                  {"referenceNumber":"20261122-AU-OLD","isCurrent":false,"startDate":"2026-11-22T09:00:00Z",
                   "status":{"code":200,"description":"Uwierzytelnianie zakończone sukcesem"},"isTokenRedeemed":true,
                   "refreshTokenValidUntil":"2026-11-29T09:00:00Z"},
                  {"referenceNumber":"20261122-AU-ERP","isCurrent":false,"startDate":"2026-11-22T08:00:00Z",
                   "status":{"code":200,"description":"Uwierzytelnianie zakończone sukcesem"},"isTokenRedeemed":true,
                   "refreshTokenValidUntil":"2026-11-29T08:00:00Z"}
                ],"continuationToken":null}""")));
        ksef.stubFor(delete(urlPathMatching("/v2/auth/sessions/.*")).willReturn(aResponse().withStatus(204)));
        staleSessions = new StaleSessions(new ClientKsefSessions(
                new KsefClients(Map.of("TEST", URI.create(ksef.baseUrl() + "/v2")), KsefClients.Budget.defaults())));
    }

    @AfterEach
    void stop() {
        ksef.stop();
    }

    @Test
    void revokesOnlyTheReplacedSessionThisServiceOpenedAndLeavesOtherSessionsOfTheContextAlone() {
        staleSessions.replaced(CONTEXT, tokens("20261122-AU-OLD", "access-old"));
        staleSessions.replaced(CONTEXT, tokens("20261122-AU-EXPIRED-MEANWHILE", "access-older"));

        StaleSessions.Result result = staleSessions.revokeStale(CONTEXT, CURRENT);

        assertThat(result).extracting(StaleSessions.Result::revoked, StaleSessions.Result::left).containsExactly(1, 0);
        assertThat(result.settled()).containsExactlyInAnyOrder("20261122-AU-OLD", "20261122-AU-EXPIRED-MEANWHILE");
        ksef.verify(1, getRequestedFor(urlPathEqualTo("/v2/auth/sessions"))
                .withHeader("Authorization", equalTo("Bearer access-new")));
        ksef.verify(1, deleteRequestedFor(urlPathEqualTo("/v2/auth/sessions/20261122-AU-OLD"))
                .withHeader("Authorization", equalTo("Bearer access-new")));
        ksef.verify(1, deleteRequestedFor(urlPathMatching("/v2/auth/sessions/.*")));
        assertThat(staleSessions.hasStale(CONTEXT)).isFalse();
    }

    @Test
    void withNothingStaleKsefIsNotAsked() {
        StaleSessions.Result result = staleSessions.revokeStale(CONTEXT, CURRENT);

        assertThat(result).extracting(StaleSessions.Result::revoked, StaleSessions.Result::left).containsExactly(0, 0);
        assertThat(ksef.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusedRevocationIsKeptAndTheSweepRetriesIt() {
        ksef.stubFor(delete(urlPathEqualTo("/v2/auth/sessions/20261122-AU-OLD")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"exception\":{\"exceptionDetailList\":[]}}")));
        staleSessions.replaced(CONTEXT, tokens("20261122-AU-OLD", "access-old"));

        StaleSessions.Result first = staleSessions.revokeStale(CONTEXT, CURRENT);
        ksef.stubFor(delete(urlPathEqualTo("/v2/auth/sessions/20261122-AU-OLD")).willReturn(aResponse().withStatus(204)));
        StaleSessions.Result swept = staleSessions.sweep(context -> Optional.of(CURRENT));

        assertThat(first).extracting(StaleSessions.Result::revoked, StaleSessions.Result::left).containsExactly(0, 1);
        assertThat(swept).extracting(StaleSessions.Result::revoked, StaleSessions.Result::left).containsExactly(1, 0);
        ksef.verify(2, deleteRequestedFor(urlPathEqualTo("/v2/auth/sessions/20261122-AU-OLD")));
    }

    @Test
    void theSweepSkipsContextsWithoutLiveTokens() {
        staleSessions.replaced(CONTEXT, tokens("20261122-AU-OLD", "access-old"));

        StaleSessions.Result swept = staleSessions.sweep(context -> Optional.empty());

        assertThat(swept).extracting(StaleSessions.Result::revoked, StaleSessions.Result::left).containsExactly(0, 0);
        assertThat(staleSessions.hasStale(CONTEXT)).isTrue();
        assertThat(ksef.getAllServeEvents()).isEmpty();
    }

    private static SessionTokens tokens(String authReference, String access) {
        Instant now = Instant.now();
        return new SessionTokens(new Token(access, now.plus(Duration.ofMinutes(15))),
                new Token("refresh-" + access, now.plus(Duration.ofDays(7))), authReference);
    }
}
