package dev.ksefplatform.systemtests.ksef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.ksef.client.AuthTokens;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.KsefClient;
import dev.ksefplatform.ksef.client.KsefTokenInfo;
import dev.ksefplatform.ksef.client.PersonalGrant;
import dev.ksefplatform.ksef.client.TokenInfo;
import dev.ksefplatform.ksef.client.error.KsefApiException;
import dev.ksefplatform.ksef.client.error.KsefAuthenticationFailedException;
import dev.ksefplatform.ksef.client.error.KsefError;
import dev.ksefplatform.ksef.client.http.KsefCall;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import dev.ksefplatform.ksef.client.http.RetryPolicy;
import dev.ksefplatform.systemtests.ksef.RunningSimulator.SeededToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** KSeF-token login through the real client against the simulator: tokens, refresh, and once-only redeem. */
class KsefTokenLoginIT {

    private static final int UNAUTHORIZED_OPERATION = 21301;

    @RegisterExtension
    static final KsefContractFixture KSEF = KsefContractFixture.withRateLimits();
    private final RunningSimulator simulator = KSEF.simulator();
    private final ContractLog contract = KSEF.contract();
    private final KsefClient ksef = KSEF.client();

    @Test
    void loginWithAKsefTokenRedeemsAnAccessTokenThatActsInTheTokensContext() {
        String nip = TestNips.random();
        SeededToken seeded = simulator.seedKsefToken(nip, "InvoiceWrite", "InvoiceRead");

        Instant before = Instant.now();
        AuthTokens tokens = ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip), seeded.token());

        assertThat(tokens.accessToken().token()).isNotBlank();
        assertThat(tokens.refreshToken().token()).isNotBlank().isNotEqualTo(tokens.accessToken().token());
        assertThat(tokens.accessToken().validUntil()).isAfter(before);
        assertThat(tokens.refreshToken().validUntil()).isAfter(tokens.accessToken().validUntil());
        KsefTokenInfo info = ksef.tokens().get(tokens.accessToken().token(), seeded.referenceNumber());
        assertThat(info.status()).isEqualTo("Active");
        assertThat(info.context()).isEqualTo(ContextIdentifier.nip(nip));
        assertThat(info.requestedPermissions()).containsExactlyInAnyOrder("InvoiceWrite", "InvoiceRead");
        assertThat(ksef.permissions().personalGrants(tokens.accessToken().token()))
                .filteredOn(grant -> ContextIdentifier.nip(nip).equals(grant.context()))
                .extracting(PersonalGrant::permissionScope)
                .contains("InvoiceWrite", "InvoiceRead");
    }

    @Test
    void aRefreshTokenYieldsAFreshAccessTokenThatWorks() {
        String nip = TestNips.random();
        SeededToken seeded = simulator.seedKsefToken(nip, "InvoiceWrite");
        AuthTokens tokens = ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip), seeded.token());

        TokenInfo refreshed = ksef.auth().refresh(tokens.refreshToken().token());

        assertThat(refreshed.token()).isNotBlank().isNotEqualTo(tokens.refreshToken().token());
        assertThat(refreshed.validUntil()).isAfter(Instant.now());
        assertThat(ksef.tokens().get(refreshed.token(), seeded.referenceNumber()).status()).isEqualTo("Active");
    }

    @Test
    void anAuthenticationCanBeRedeemedOnlyOnce() throws Exception {
        String nip = TestNips.random();
        SeededToken seeded = simulator.seedKsefToken(nip, "InvoiceWrite");
        ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip), seeded.token());
        String authenticationToken = authenticationTokenOfTheLastLogin();

        // The client redeems inside the login; its own HTTP layer replays that call to show the second answer.
        KsefHttp http = new KsefHttp(simulator.apiBase(), new RecordingHttpClient(contract::record),
                Duration.ofSeconds(10), new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO),
                Clock.systemUTC());
        KsefCall<JsonNode> redeem = new KsefCall<>("POST", "/auth/token/redeem", authenticationToken, null,
                JsonNode.class, false);

        assertThatThrownBy(() -> http.call(redeem))
                .isInstanceOfSatisfying(KsefApiException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(400);
                    assertThat(e.hasErrorCode(UNAUTHORIZED_OPERATION)).as("errors %s", e.errors()).isTrue();
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageNotContaining(authenticationToken);
    }

    @Test
    void aLoginInAContextTheTokenDoesNotBelongToFailsWithStatus415() {
        SeededToken seeded = simulator.seedKsefToken(TestNips.random(), "InvoiceWrite");
        ContextIdentifier otherTaxpayer = ContextIdentifier.nip(TestNips.random());

        assertThatThrownBy(() -> ksef.auth().loginWithKsefToken(otherTaxpayer, seeded.token()))
                .isInstanceOfSatisfying(KsefAuthenticationFailedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(415);
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageNotContaining(seeded.token());
    }

    @Test
    void aLoginWithAnUnknownKsefTokenFailsWithStatus450() {
        String nip = TestNips.random();
        SeededToken seeded = simulator.seedKsefToken(nip, "InvoiceWrite");
        String forged = seeded.token().substring(0, seeded.token().length() - 4) + "0000";

        assertThatThrownBy(() -> ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip), forged))
                .isInstanceOfSatisfying(KsefAuthenticationFailedException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(450));
    }

    @Test
    void theContractCheckRejectsResponsesAndRequestsTheSpecDoesNotAllow() {
        String nip = TestNips.random();
        ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip), simulator.seedKsefToken(nip, "InvoiceWrite").token());
        Exchange challenge = recorded("/auth/challenge");
        Exchange redeem = recorded("/auth/token/redeem");

        Exchange challengeWithoutChallenge = new Exchange(challenge.method(), challenge.uri(),
                challenge.requestHeaders(), challenge.requestBody(), challenge.status(), challenge.responseHeaders(),
                "{\"timestamp\":\"2025-07-11T12:23:56.0154302+00:00\",\"timestampMs\":1752236636015}".getBytes());
        Map<String, List<String>> noBearer = new HashMap<>(redeem.requestHeaders());
        noBearer.keySet().removeIf(name -> name.equalsIgnoreCase("Authorization"));
        Exchange redeemWithoutBearer = new Exchange(redeem.method(), redeem.uri(), noBearer, redeem.requestBody(),
                redeem.status(), redeem.responseHeaders(), redeem.responseBody());

        assertThat(SpecContract.violations(challenge)).isEmpty();
        assertThat(SpecContract.violations(redeem)).isEmpty();
        assertThat(SpecContract.violations(challengeWithoutChallenge)).isNotEmpty();
        assertThat(SpecContract.violations(redeemWithoutBearer)).isNotEmpty();
    }

    private Exchange recorded(String pathSuffix) {
        return contract.exchanges().stream()
                .filter(e -> e.uri().getPath().endsWith(pathSuffix))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private String authenticationTokenOfTheLastLogin() throws Exception {
        Exchange init = recorded("/auth/ksef-token");
        return new ObjectMapper().readTree(init.responseBody()).path("authenticationToken").path("token").asText();
    }
}
