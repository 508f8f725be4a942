package dev.ksefplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.simulator.support.ClientCrypto;
import dev.ksefplatform.simulator.support.Invoices;
import dev.ksefplatform.simulator.support.KsefTestClient;
import dev.ksefplatform.simulator.support.KsefTestClient.Reply;
import dev.ksefplatform.simulator.support.KsefTestClient.Tokens;
import dev.ksefplatform.simulator.support.RunningSimulator;
import dev.ksefplatform.simulator.support.XadesSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Permission changes while tokens live: {@code /sim/v1/permissions/revoke|restore} and the spec's
 * {@code /testdata/permissions/revoke} take effect at once, for new logins (415) and for access tokens already
 * issued (403 {@code missing-permissions} on calls that need what was taken). Checked against openapi.json.
 */
class PermissionChangesIT {

    private static final KsefTestClient KSEF = RunningSimulator.client();
    private static final List<String> WRITE_READ = List.of("InvoiceWrite", "InvoiceRead");

    @Test
    void anIssuedAccessTokenLosesARevokedPermissionAtOnceAndRegainsItWhenRestored() throws Exception {
        String nip = Invoices.randomNip();
        String access = KSEF.login(KSEF.seedToken(nip, WRITE_READ), nip).accessToken();

        Reply revoked = change("revoke", nip, "Nip", nip, "InvoiceWrite");
        Reply refusedOpen = openSession(access);
        Reply stillReads = query(access);
        change("restore", nip, "Nip", nip, "InvoiceWrite");
        Reply reopened = openSession(access);

        assertThat(revoked.json().get("permissions")).extracting(JsonNode::asText).doesNotContain("InvoiceWrite");
        assertThat(refusedOpen.status()).isEqualTo(403);
        assertThat(refusedOpen.json().get("reasonCode").asText()).isEqualTo("missing-permissions");
        assertThat(refusedOpen.json().at("/security/presentPermissions")).extracting(JsonNode::asText)
                .containsExactly("InvoiceRead");
        assertThat(stillReads.status()).isEqualTo(200);
        assertThat(reopened.status()).isEqualTo(201);
    }

    @Test
    void aKsefTokenWhoseAuthorLostAllItsPermissionsLogsInWith415UntilTheyAreRestored() throws Exception {
        String nip = Invoices.randomNip();
        String token = KSEF.seedToken(nip, List.of("InvoiceWrite"));

        change("revoke", nip, "Nip", nip, "InvoiceWrite");
        JsonNode refused = KSEF.awaitAuth(KSEF.startLogin(token, nip));
        change("restore", nip, "Nip", nip, "InvoiceWrite");
        JsonNode accepted = KSEF.awaitAuth(KSEF.startLogin(token, nip));

        assertThat(refused.at("/status/code").asInt()).isEqualTo(415);
        assertThat(accepted.at("/status/code").asInt()).isEqualTo(200);
    }

    @Test
    void revokingTestdataGrantsOfAFingerprintEndsItsLoginsAndItsIssuedTokensRights() throws Exception {
        String context = Invoices.randomNip();
        XadesSigner holder = XadesSigner.personWithNip(Invoices.randomNip());
        Map<String, Object> subject = Map.of("type", "Fingerprint", "value", holder.fingerprint());
        KSEF.call(HttpMethod.POST, "/v2/testdata/permissions", null, Map.of(
                "contextIdentifier", Map.of("type", "Nip", "value", context), "authorizedIdentifier", subject,
                "permissions", List.of(Map.of("permissionType", "InvoiceWrite", "description", "send invoices"))));
        Tokens granted = KSEF.loginWithXades(holder, context, "certificateFingerprint");

        Reply revoked = KSEF.call(HttpMethod.POST, "/v2/testdata/permissions/revoke", null,
                Map.of("contextIdentifier", Map.of("type", "Nip", "value", context), "authorizedIdentifier", subject));
        Reply refusedOpen = openSession(granted.accessToken());
        JsonNode refusedLogin = KSEF.awaitAuth(KSEF.xades(holder.sign(XadesSigner.request(XadesSigner.NS_21,
                KSEF.challenge(), context, "certificateFingerprint"))).json());

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(refusedOpen.status()).isEqualTo(403);
        assertThat(refusedLogin.at("/status/code").asInt()).isEqualTo(415);
    }

    @Test
    void aRefreshCarriesThePermissionsTheSubjectHoldsNow() throws Exception {
        String nip = Invoices.randomNip();
        String token = KSEF.seedToken(nip, WRITE_READ);
        change("revoke", nip, "Nip", nip, "InvoiceWrite");
        Tokens reduced = KSEF.login(token, nip);
        Reply refusedOpen = openSession(reduced.accessToken());

        change("restore", nip, "Nip", nip, "InvoiceWrite");
        String refreshed = KSEF.call(HttpMethod.POST, "/v2/auth/token/refresh", reduced.refreshToken(), null).json()
                .at("/accessToken/token").asText();

        assertThat(refusedOpen.status()).isEqualTo(403);
        assertThat(openSession(reduced.accessToken()).status()).as("its token never had it").isEqualTo(403);
        assertThat(openSession(refreshed).status()).isEqualTo(201);
    }

    @Test
    void aTokenLoginsOwnPermissionsLoseWhatItsAuthorLostWhileTheTokensStatusStillListsIt() throws Exception {
        String nip = Invoices.randomNip();
        String token = KSEF.seedToken(nip, WRITE_READ);
        String reference = token.substring(0, token.indexOf('|'));
        String access = KSEF.login(token, nip).accessToken();

        List<String> before = ownPermissions(access, nip);
        change("revoke", nip, "Nip", nip, "InvoiceWrite");
        List<String> revoked = ownPermissions(access, nip);
        Reply status = KSEF.call(HttpMethod.GET, "/v2/tokens/" + reference, access, null);
        change("restore", nip, "Nip", nip, "InvoiceWrite");
        List<String> restored = ownPermissions(access, nip);

        assertThat(before).containsExactlyInAnyOrder("InvoiceWrite", "InvoiceRead");
        assertThat(revoked).containsExactly("InvoiceRead");
        assertThat(status.json().get("status").asText()).isEqualTo("Active");
        assertThat(status.json().get("requestedPermissions")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("InvoiceWrite", "InvoiceRead");
        assertThat(restored).containsExactlyInAnyOrder("InvoiceWrite", "InvoiceRead");
    }

    @Test
    void ownPermissionsElsewhereLoseWhatWasRevokedThere() throws Exception {
        String provider = Invoices.randomNip();
        String client = Invoices.randomNip();
        KSEF.call(HttpMethod.POST, "/v2/testdata/permissions", null, Map.of(
                "contextIdentifier", Map.of("type", "Nip", "value", client),
                "authorizedIdentifier", Map.of("type", "Nip", "value", provider),
                "permissions", List.of(Map.of("permissionType", "InvoiceWrite", "description", "send invoices"))));
        String access = KSEF.login(KSEF.seedToken(provider, WRITE_READ), provider).accessToken();

        List<String> granted = ownPermissions(access, client);
        change("revoke", client, "Nip", provider, "InvoiceWrite");
        List<String> revoked = ownPermissions(access, client);

        assertThat(granted).containsExactly("InvoiceWrite");
        assertThat(revoked).isEmpty();
    }

    /** {@code POST /permissions/query/personal/grants}: the scopes listed for {@code contextNip}. */
    private static List<String> ownPermissions(String access, String contextNip) {
        Reply reply = KSEF.call(HttpMethod.POST, "/v2/permissions/query/personal/grants?pageSize=100", access,
                Map.of());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> scopes = new java.util.ArrayList<>();
        reply.json().get("permissions").forEach(p -> {
            if (contextNip.equals(p.at("/contextIdentifier/value").asText())) {
                scopes.add(p.get("permissionScope").asText());
            }
        });
        return scopes;
    }

    @Test
    void rejectsAChangeThatNamesNoKnownPermission() {
        Reply bad = KSEF.call(HttpMethod.POST, "/sim/v1/permissions/revoke", null, Map.of("contextNip", "5265877635",
                "subject", Map.of("type", "Nip", "value", "5265877635"), "permissions", List.of("Everything")));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("type").asText()).isEqualTo("https://ksef-platform.dev/problems/invalid-request");
    }

    private static Reply change(String action, String contextNip, String type, String value, String permission) {
        Reply reply = KSEF.call(HttpMethod.POST, "/sim/v1/permissions/" + action, null, Map.of("contextNip", contextNip,
                "subject", Map.of("type", type, "value", value), "permissions", List.of(permission)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    private static Reply openSession(String access) throws Exception {
        Map<String, Object> request = Map.of(
                "formCode", Map.of("systemCode", "FA (3)", "schemaVersion", "1-0E", "value", "FA"),
                "encryption", Map.of("encryptedSymmetricKey", ClientCrypto.b64(
                                ClientCrypto.rsaOaep(
                                        KSEF.publicKey("SymmetricKeyEncryption"),
                                        ClientCrypto.random(32))),
                        "initializationVector", ClientCrypto.b64(
                                ClientCrypto.random(16))));
        return KSEF.call(HttpMethod.POST, "/v2/sessions/online", access, request);
    }

    private static Reply query(String access) {
        return KSEF.call(HttpMethod.POST, "/v2/invoices/query/metadata?pageSize=10", access, Map.of(
                "subjectType", "Subject2", "dateRange", Map.of("dateType", "PermanentStorage",
                        "from", Instant.now().minus(Duration.ofHours(1)).toString())));
    }
}
