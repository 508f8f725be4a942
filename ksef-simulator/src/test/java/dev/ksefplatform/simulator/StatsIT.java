package dev.ksefplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.simulator.support.ClientCrypto;
import dev.ksefplatform.simulator.support.Invoices;
import dev.ksefplatform.simulator.support.KsefTestClient;
import dev.ksefplatform.simulator.support.KsefTestClient.Reply;
import dev.ksefplatform.simulator.support.KsefTestClient.Session;
import dev.ksefplatform.simulator.support.RunningSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** {@code /sim/v1/stats}: what a test asserts on — requests by group, endpoint and status, 429s, invoices received. */
class StatsIT {

    private static final String SEND = "POST /v2/sessions/online/{referenceNumber}/invoices";

    @Test
    void countsTheSendsOfAContextAndEachInvoiceByItsHash() throws Exception {
        KsefTestClient ksef = RunningSimulator.client();
        String nip = Invoices.randomNip();
        String access = ksef.login(ksef.seedToken(nip, List.of("InvoiceWrite")), nip).accessToken();
        Session session = ksef.openSession(access);
        byte[] once = Invoices.fa3(nip, "ST-1");
        byte[] twice = Invoices.fa3(nip, "ST-2");

        ksef.sendAndAwait(access, session, once);
        ksef.sendAndAwait(access, session, twice);
        ksef.sendAndAwait(access, session, twice);
        JsonNode stats = stats(ksef, nip);

        assertThat(stats.at("/byEndpoint/" + SEND.replace("/", "~1")).asInt()).isEqualTo(3);
        assertThat(stats.at("/byGroup/invoiceSend").asInt()).isEqualTo(3);
        assertThat(stats.at("/byGroup/onlineSession").asInt()).isEqualTo(1);
        assertThat(stats.at("/byStatus/202").asInt()).isEqualTo(3);
        assertThat(stats.get("tooManyRequests").asInt()).isZero();
        assertThat(stats.get("invoicesReceived").asInt()).isEqualTo(3);
        assertThat(stats.get("distinctInvoicesReceived").asInt()).isEqualTo(2);
        assertThat(stats.get("receivedMoreThanOnce")).hasSize(1);
        assertThat(stats.at("/receivedMoreThanOnce/" + ClientCrypto.sha256(twice).replace("/", "~1")).asInt()).isEqualTo(2);
        assertThat(stats.at("/receivedByHash/" + ClientCrypto.sha256(once).replace("/", "~1")).asInt()).isEqualTo(1);

        assertThat(ksef.call(HttpMethod.DELETE, "/sim/v1/stats?contextNip=" + nip, null, null).status()).isEqualTo(204);
        assertThat(stats(ksef, nip).get("requests").asInt()).isZero();
    }

    @Test
    void countsEvery429ItAnswered() throws Exception {
        KsefTestClient ksef = RunningSimulator.throttled();
        String nip = Invoices.randomNip();
        String access = ksef.login(ksef.seedToken(nip, List.of("InvoiceRead")), nip).accessToken();
        int tooMany = 0;
        for (int i = 0; i < 15; i++) {
            Reply reply = ksef.call(HttpMethod.GET, "/v2/limits/context", access, null, Map.of());
            tooMany += reply.status() == 429 ? 1 : 0;
        }
        JsonNode stats = stats(ksef, nip);

        assertThat(tooMany).as("'other' allows 10 a second per endpoint").isPositive();
        assertThat(stats.get("tooManyRequests").asInt()).isEqualTo(tooMany);
        assertThat(stats.at("/byStatus/429").asInt()).isEqualTo(tooMany);
        assertThat(stats.at("/byEndpoint/GET ~1v2~1limits~1context").asInt()).isEqualTo(15);
    }

    private static JsonNode stats(KsefTestClient ksef, String nip) {
        return ksef.call(HttpMethod.GET, "/sim/v1/stats?contextNip=" + nip, null, null).json().at("/contexts/" + nip);
    }
}
