package dev.ksefplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.simulator.support.Invoices;
import dev.ksefplatform.simulator.support.KsefTestClient;
import dev.ksefplatform.simulator.support.KsefTestClient.Reply;
import dev.ksefplatform.simulator.support.KsefTestClient.Tokens;
import dev.ksefplatform.simulator.support.RunningSimulator;
import dev.ksefplatform.simulator.support.XadesSigner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * XAdES login with self-signed certificates signed by the JDK's XML-DSig API, and KSeF tokens
 * generated afterwards. Every /v2 response is checked against openapi.json.
 */
class XadesAuthenticationIT {

    private static final KsefTestClient KSEF = RunningSimulator.client();

    @Test
    void ownerLogsInWithTheirCertificateAndGeneratesAKsefTokenThatLogsInToo() throws Exception {
        String nip = Invoices.randomNip();
        XadesSigner owner = XadesSigner.personWithNip(nip);
        Tokens xades = KSEF.loginWithXades(owner, nip, "certificateSubject");

        Reply generated = KSEF.call(HttpMethod.POST, "/v2/tokens", xades.accessToken(),
                Map.of("permissions", List.of("InvoiceWrite", "InvoiceRead"), "description", "integration token"));
        String ksefToken = generated.json().get("token").asText();
        Tokens byToken = KSEF.login(ksefToken, nip);
        Reply listed = KSEF.call(HttpMethod.GET, "/v2/tokens?pageSize=10&status=Active", xades.accessToken(), null);

        assertThat(generated.status()).isEqualTo(202);
        assertThat(KSEF.openSession(byToken.accessToken()).referenceNumber()).contains("-SO-");
        assertThat(listed.json().get("tokens")).hasSize(1);
        JsonNode item = listed.json().at("/tokens/0");
        assertThat(item.get("referenceNumber").asText()).isEqualTo(generated.json().get("referenceNumber").asText());
        assertThat(item.at("/authorIdentifier/type").asText()).isEqualTo("Nip");
        assertThat(item.at("/authorIdentifier/value").asText()).isEqualTo(nip);
        assertThat(listed.body()).doesNotContain(ksefToken.substring(ksefToken.lastIndexOf('|') + 1));
    }

    @Test
    void acceptsASealWithOrganizationIdentifierAndTheOlderNamespace() throws Exception {
        String nip = Invoices.randomNip();
        XadesSigner seal = XadesSigner.sealWithNip(nip);

        Reply started = KSEF.xades(seal.sign(XadesSigner.request(XadesSigner.NS_20, KSEF.challenge(), nip,
                "certificateSubject")));
        JsonNode status = KSEF.awaitAuth(started.json());

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(status.at("/status/code").asInt()).isEqualTo(200);
        assertThat(status.at("/authenticationMethodInfo/category").asText()).isEqualTo("XadesSignature");
    }

    @Test
    void acceptsTheEnvelopingForm() throws Exception {
        String nip = Invoices.randomNip();
        byte[] enveloping = XadesSigner.personWithNip(nip).signEnveloping(XadesSigner.request(XadesSigner.NS_21,
                KSEF.challenge(), nip, "certificateSubject"));

        Reply started = KSEF.xades(enveloping);

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(KSEF.awaitAuth(started.json()).at("/status/code").asInt()).isEqualTo(200);
    }

    @Test
    void aFingerprintNeedsGrantedPermissionsAndGetsOnlyThose() throws Exception {
        String context = Invoices.randomNip();
        XadesSigner stranger = XadesSigner.personWithNip(Invoices.randomNip());
        Reply refused = KSEF.xades(stranger.sign(XadesSigner.request(XadesSigner.NS_21, KSEF.challenge(), context,
                "certificateFingerprint")));
        JsonNode refusedStatus = KSEF.awaitAuth(refused.json());
        KSEF.call(HttpMethod.POST, "/v2/testdata/permissions", null, Map.of(
                "contextIdentifier", Map.of("type", "Nip", "value", context),
                "authorizedIdentifier", Map.of("type", "Fingerprint", "value", stranger.fingerprint()),
                "permissions", List.of(Map.of("permissionType", "InvoiceWrite", "description", "send invoices"))));

        Tokens granted = KSEF.loginWithXades(stranger, context, "certificateFingerprint");
        Reply beyondGrant = KSEF.call(HttpMethod.POST, "/v2/tokens", granted.accessToken(),
                Map.of("permissions", List.of("InvoiceRead"), "description", "more than I have"));

        assertThat(refusedStatus.at("/status/code").asInt()).isEqualTo(415);
        assertThat(KSEF.openSession(granted.accessToken()).referenceNumber()).contains("-SO-");
        assertThat(beyondGrant.json().at("/exception/exceptionDetailList/0/exceptionCode").asInt()).isEqualTo(26001);
    }

    @Test
    void failsWith460WhenTheChainMustBeVerified() throws Exception {
        String nip = Invoices.randomNip();
        byte[] signed = XadesSigner.personWithNip(nip).sign(XadesSigner.request(XadesSigner.NS_21, KSEF.challenge(),
                nip, "certificateSubject"));

        Reply started = KSEF.call(HttpMethod.POST, "/v2/auth/xades-signature?verifyCertificateChain=true", null, signed);

        assertThat(KSEF.awaitAuth(started.json()).at("/status/code").asInt()).isEqualTo(460);
    }

    @Test
    void rejectsADocumentChangedAfterSigningWith9105() throws Exception {
        String nip = Invoices.randomNip();
        byte[] signed = XadesSigner.personWithNip(nip).sign(XadesSigner.request(XadesSigner.NS_21, KSEF.challenge(),
                nip, "certificateSubject"));
        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace(nip, Invoices.randomNip())
                .getBytes(StandardCharsets.UTF_8);

        assertThat(code(KSEF.xades(tampered))).isEqualTo(9105);
    }

    @Test
    void rejectsMissingDetachedAndDoubleSignatures() throws Exception {
        String nip = Invoices.randomNip();
        XadesSigner signer = XadesSigner.personWithNip(nip);
        String unsigned = XadesSigner.request(XadesSigner.NS_21, KSEF.challenge(), nip, "certificateSubject");
        byte[] detached = signer.sign(XadesSigner.request(XadesSigner.NS_21, KSEF.challenge(), nip,
                "certificateSubject"), "https://example.com/auth-request.xml");
        byte[] twice = XadesSigner.withSecondSignature(signer.sign(XadesSigner.request(XadesSigner.NS_21,
                KSEF.challenge(), nip, "certificateSubject")));

        assertThat(code(KSEF.xades(unsigned.getBytes(StandardCharsets.UTF_8)))).isEqualTo(9102);
        assertThat(code(KSEF.xades(detached))).isEqualTo(9101);
        assertThat(code(KSEF.xades(twice))).isEqualTo(9103);
    }

    @Test
    void rejectsAnUnknownChallengeAndAShortRsaKey() throws Exception {
        String nip = Invoices.randomNip();
        byte[] unknownChallenge = XadesSigner.personWithNip(nip).sign(XadesSigner.request(XadesSigner.NS_21,
                "20250625-CR-20F5EE4000-DA48AE4124-46", nip, "certificateSubject"));
        byte[] weakKey = XadesSigner.withRsaBits(1024, nip).sign(XadesSigner.request(XadesSigner.NS_21,
                KSEF.challenge(), nip, "certificateSubject"));

        assertThat(code(KSEF.xades(unknownChallenge))).isEqualTo(21111);
        assertThat(code(KSEF.xades(weakKey))).isEqualTo(21115);
    }

    @Test
    void refusesADocumentType() throws Exception {
        byte[] withDoctype = ("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<AuthTokenRequest xmlns=\"" + XadesSigner.NS_21 + "\">&x;</AuthTokenRequest>")
                .getBytes(StandardCharsets.UTF_8);

        Reply reply = KSEF.xades(withDoctype);

        assertThat(code(reply)).isEqualTo(21001);
        assertThat(reply.body()).doesNotContain("root:");
    }

    private static int code(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.json().at("/exception/exceptionDetailList/0/exceptionCode").asInt();
    }
}
