package dev.ksefplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.simulator.support.Invoices;
import dev.ksefplatform.simulator.support.KsefTestClient;
import dev.ksefplatform.simulator.support.KsefTestClient.Reply;
import dev.ksefplatform.simulator.support.RunningSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** {@code /v2/auth/sessions}: paging, what revocation shows, and the context boundary. Checked against openapi.json. */
class AuthSessionsIT {

    private static final KsefTestClient KSEF = RunningSimulator.client();

    @Test
    void pagesTheSessionsWithAContinuationTokenAndRejectsAForgedOne() throws Exception {
        String nip = Invoices.randomNip();
        String token = KSEF.seedToken(nip, List.of("InvoiceRead"));
        List<String> access = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            access.add(KSEF.login(token, nip).accessToken());
        }

        Reply first = KSEF.call(HttpMethod.GET, "/v2/auth/sessions?pageSize=10", access.get(0), null);
        String next = first.json().get("continuationToken").asText();
        Reply second = KSEF.call(HttpMethod.GET, "/v2/auth/sessions?pageSize=10", access.get(0), null,
                Map.of("x-continuation-token", next));
        Reply forged = KSEF.call(HttpMethod.GET, "/v2/auth/sessions", access.get(0), null,
                Map.of("x-continuation-token", "not-base64!"));

        assertThat(first.json().get("items")).hasSize(10);
        assertThat(second.json().get("items")).hasSize(2);
        assertThat(second.json().has("continuationToken")).isFalse();
        assertThat(second.json().at("/items/1/isCurrent").asBoolean()).as("the oldest is the caller's").isTrue();
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().at("/exception/exceptionDetailList/0/exceptionCode").asInt()).isEqualTo(21418);
    }

    @Test
    void aRevokedAuthenticationShowsStatus425AndAnotherContextsSessionCannotBeRevoked() throws Exception {
        String nip = Invoices.randomNip();
        JsonNode init = KSEF.startLogin(KSEF.seedToken(nip, List.of("InvoiceRead")), nip);
        KSEF.awaitAuth(init);
        String operationToken = init.at("/authenticationToken/token").asText();
        JsonNode tokens = KSEF.call(HttpMethod.POST, "/v2/auth/token/redeem", operationToken, null).json();
        String access = tokens.at("/accessToken/token").asText();
        String stranger = Invoices.randomNip();
        String strangerAccess = KSEF.login(KSEF.seedToken(stranger, List.of("InvoiceRead")), stranger).accessToken();
        String reference = init.get("referenceNumber").asText();

        Reply foreign = KSEF.call(HttpMethod.DELETE, "/v2/auth/sessions/" + reference, strangerAccess, null);
        Reply revoked = KSEF.call(HttpMethod.DELETE, "/v2/auth/sessions/current", access, null);
        Reply status = KSEF.call(HttpMethod.GET, "/v2/auth/" + reference, operationToken, null);
        Reply refresh = KSEF.call(HttpMethod.POST, "/v2/auth/token/refresh", tokens.at("/refreshToken/token").asText(),
                null);

        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().at("/exception/exceptionDetailList/0/exceptionCode").asInt()).isEqualTo(21405);
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(status.json().at("/status/code").asInt()).isEqualTo(425);
        assertThat(refresh.json().at("/exception/exceptionDetailList/0/exceptionCode").asInt()).isEqualTo(21304);
    }
}
