package dev.ksefplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.simulator.support.Invoices;
import dev.ksefplatform.simulator.support.KsefTestClient;
import dev.ksefplatform.simulator.support.RunningSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** {@code GET /v2/rate-limits} and {@code GET /v2/limits/context}, checked against openapi.json. */
class LimitsIT {

    private static final KsefTestClient KSEF = RunningSimulator.throttled();

    @Test
    void showsTheOfficialRateLimitGroupsAndContextLimits() throws Exception {
        String nip = Invoices.randomNip();
        String access = KSEF.login(KSEF.seedToken(nip, List.of("InvoiceRead")), nip).accessToken();

        JsonNode rates = KSEF.call(HttpMethod.GET, "/v2/rate-limits", access, null).json();
        JsonNode context = KSEF.call(HttpMethod.GET, "/v2/limits/context", access, null).json();

        assertThat(rates.get("invoiceSend").get("perMinute").asInt()).isEqualTo(30);
        assertThat(rates.get("invoiceMetadata").get("perHour").asInt()).isEqualTo(20);
        assertThat(rates.get("other").get("perSecond").asInt()).isEqualTo(10);
        assertThat(rates).hasSize(12);
        assertThat(context.at("/batchSession/maxInvoices").asInt()).isEqualTo(10_000);
        assertThat(context.at("/onlineSession/maxInvoiceSizeInMB").asInt()).isEqualTo(1);
    }

    @Test
    void aSimulatorWithItsLimitsOffShowsLimitsNoClientReaches() throws Exception {
        KsefTestClient lifted = RunningSimulator.client();
        String nip = Invoices.randomNip();
        String access = lifted.login(lifted.seedToken(nip, List.of("InvoiceRead")), nip).accessToken();

        JsonNode rates = lifted.call(HttpMethod.GET, "/v2/rate-limits", access, null).json();

        assertThat(rates).hasSize(12).allSatisfy(group -> assertThat(group.get("perHour").asInt()).isEqualTo(1_000_000));
    }
}
