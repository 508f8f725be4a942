package dev.ksefplatform.simulator.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitTableTest {

    private static final String SESSION = "20250625-SO-2C3E6C8000-B675CF5D68-07";
    private final RateLimitTable table = new RateLimitTable();

    @Test
    void mapsEndpointsToTheirOfficialGroups() {
        assertThat(group("POST", "/v2/sessions/online")).isEqualTo("onlineSession");
        assertThat(group("POST", "/v2/sessions/online/" + SESSION + "/invoices")).isEqualTo("invoiceSend");
        assertThat(group("GET", "/v2/sessions/" + SESSION + "/invoices/20250625-EE-2C3E6C8000-B675CF5D68-07"))
                .isEqualTo("invoiceStatus");
        assertThat(group("GET", "/v2/sessions/" + SESSION + "/invoices/failed")).isEqualTo("sessionInvoiceList");
        assertThat(group("GET", "/v2/sessions/" + SESSION + "/upo/20250625-EU-2C3E6C8000-B675CF5D68-07"))
                .isEqualTo("sessionMisc");
        assertThat(group("GET", "/v2/auth/20250625-AU-2C3E6C8000-B675CF5D68-07")).isEqualTo("public");
        assertThat(group("GET", "/v2/auth/sessions")).isEqualTo("other");
    }

    @Test
    void givesEveryOtherEndpointItsOwnCounter() {
        var tokens = table.route("GET", "/v2/tokens/20250625-EC-2C3E6C8000-B675CF5D68-07").orElseThrow();
        var limits = table.route("GET", "/v2/limits/context").orElseThrow();

        assertThat(tokens.counter()).isNotEqualTo(limits.counter());
        assertThat(tokens.limits()).isEqualTo(new Limits(10, 30, 120));
    }

    @Test
    void leavesSimulatorAndStorageEndpointsUnlimited() {
        assertThat(table.route("GET", "/storage/upo/x/y.xml")).isEmpty();
        assertThat(table.route("POST", "/sim/v1/ksef-tokens")).isEmpty();
    }

    private String group(String method, String path) {
        return table.route(method, path).orElseThrow().group();
    }
}
