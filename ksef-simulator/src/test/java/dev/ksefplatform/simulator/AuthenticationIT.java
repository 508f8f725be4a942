package dev.ksefplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.simulator.support.ClientCrypto;
import dev.ksefplatform.simulator.support.Invoices;
import dev.ksefplatform.simulator.support.KsefTestClient;
import dev.ksefplatform.simulator.support.KsefTestClient.Reply;
import dev.ksefplatform.simulator.support.KsefTestClient.Tokens;
import dev.ksefplatform.simulator.support.RunningSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * KSeF-token login, the JWTs and how protected endpoints refuse callers.
 * Runs against the shared in-process simulator; every /v2 response is checked against openapi.json.
 */
class AuthenticationIT {

    private static final List<String> WRITE_READ = List.of("InvoiceWrite", "InvoiceRead");
    private static final KsefTestClient KSEF = RunningSimulator.client();

    @Test
    void logsInWithKsefTokenAndRefreshesTheAccessToken() throws Exception {
        String nip = Invoices.randomNip();
        String token = KSEF.seedToken(nip, WRITE_READ);
        JsonNode init = KSEF.startLogin(token, nip);

        JsonNode first = KSEF.call(HttpMethod.GET, "/v2/auth/" + init.get("referenceNumber").asText(),
                init.at("/authenticationToken/token").asText(), null).json();
        JsonNode done = KSEF.awaitAuth(init);
        Reply redeemed = KSEF.call(HttpMethod.POST, "/v2/auth/token/redeem",
                init.at("/authenticationToken/token").asText(), null);
        Reply refreshed = KSEF.call(HttpMethod.POST, "/v2/auth/token/refresh",
                redeemed.json().at("/refreshToken/token").asText(), null);

        assertThat(first.at("/status/code").asInt()).isIn(100, 200);
        assertThat(done.at("/status/code").asInt()).isEqualTo(200);
        assertThat(redeemed.status()).isEqualTo(200);
        assertThat(refreshed.status()).isEqualTo(200);
        String access = refreshed.json().at("/accessToken/token").asText();
        String tokenReference = token.substring(0, token.indexOf('|'));
        Reply tokenStatus = KSEF.call(HttpMethod.GET, "/v2/tokens/" + tokenReference, access, null);
        assertThat(tokenStatus.json().get("status").asText()).isEqualTo("Active");
        assertThat(tokenStatus.body()).doesNotContain(token.substring(token.lastIndexOf('|') + 1));
    }

    @Test
    void refusesToRedeemTheSameAuthenticationTwice() throws Exception {
        String nip = Invoices.randomNip();
        JsonNode init = KSEF.startLogin(KSEF.seedToken(nip, WRITE_READ), nip);
        KSEF.awaitAuth(init);
        String operationToken = init.at("/authenticationToken/token").asText();

        Reply first = KSEF.call(HttpMethod.POST, "/v2/auth/token/redeem", operationToken, null);
        Reply second = KSEF.call(HttpMethod.POST, "/v2/auth/token/redeem", operationToken, null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().at("/exception/exceptionDetailList/0/exceptionCode").asInt()).isEqualTo(21301);
    }

    @Test
    void failsAuthenticationWith415WhenTheTokenBelongsToAnotherContext() throws Exception {
        String nip = Invoices.randomNip();
        String token = KSEF.seedToken(nip, WRITE_READ);

        JsonNode status = KSEF.awaitAuth(KSEF.startLogin(token, Invoices.randomNip()));

        assertThat(status.at("/status/code").asInt()).isEqualTo(415);
    }

    @Test
    void rejectsAnUnknownChallengeWith21111() throws Exception {
        Map<String, Object> request = Map.of("challenge", "20250514-CR-226FB7B000-3ACF9BE4C0-10",
                "contextIdentifier", Map.of("type", "Nip", "value", "5265877635"),
                "encryptedToken", ClientCrypto.b64(new byte[256]));

        Reply reply = KSEF.call(HttpMethod.POST, "/v2/auth/ksef-token", null, request,
                Map.of("X-Error-Format", "problem-details"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().at("/errors/0/code").asInt()).isEqualTo(21111);
    }

    @Test
    void answers401WithoutABearerTokenBeforeLookingAtTheBody() {
        Reply reply = KSEF.call(HttpMethod.POST, "/v2/sessions/online", null, "{not json");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void answers401ForAnOperationTokenUsedAsAnAccessToken() throws Exception {
        String nip = Invoices.randomNip();
        JsonNode init = KSEF.startLogin(KSEF.seedToken(nip, WRITE_READ), nip);

        Reply reply = KSEF.call(HttpMethod.GET, "/v2/sessions/20250625-SO-2C3E6C8000-B675CF5D68-07",
                init.at("/authenticationToken/token").asText(), null);

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void answers403MissingPermissionsWhenTheTokenCannotWriteInvoices() throws Exception {
        String nip = Invoices.randomNip();
        Tokens tokens = KSEF.login(KSEF.seedToken(nip, List.of("InvoiceRead")), nip);

        Reply reply = KSEF.call(HttpMethod.POST, "/v2/sessions/online", tokens.accessToken(), Map.of());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("reasonCode").asText()).isEqualTo("missing-permissions");
    }

    @Test
    void listsTheTokensAndTheTestDataGrantsAsPersonalGrants() throws Exception {
        String nip = Invoices.randomNip();
        String otherContext = Invoices.randomNip();
        Map<String, Object> person = Map.of("nip", nip, "pesel", "90010112345", "isBailiff", false,
                "description", "test person");
        Map<String, Object> grant = Map.of("contextIdentifier", Map.of("type", "Nip", "value", otherContext),
                "authorizedIdentifier", Map.of("type", "Nip", "value", nip),
                "permissions", List.of(Map.of("permissionType", "InvoiceRead", "description", "read invoices")));

        Reply created = KSEF.call(HttpMethod.POST, "/v2/testdata/person", null, person);
        Reply again = KSEF.call(HttpMethod.POST, "/v2/testdata/person", null, person);
        Reply granted = KSEF.call(HttpMethod.POST, "/v2/testdata/permissions", null, grant);
        Tokens tokens = KSEF.login(KSEF.seedToken(nip, List.of("InvoiceWrite")), nip);
        Reply grants = KSEF.call(HttpMethod.POST, "/v2/permissions/query/personal/grants?pageSize=10",
                tokens.accessToken(), Map.of("permissionState", "Active"));

        assertThat(created.status()).isEqualTo(200);
        assertThat(again.json().at("/exception/exceptionDetailList/0/exceptionCode").asInt()).isEqualTo(30001);
        assertThat(granted.status()).isEqualTo(200);
        assertThat(grants.json().get("permissions")).extracting(p -> p.get("permissionScope").asText()
                + "@" + p.at("/contextIdentifier/value").asText())
                .containsExactlyInAnyOrder("InvoiceWrite@" + nip, "InvoiceRead@" + otherContext);
    }
}
