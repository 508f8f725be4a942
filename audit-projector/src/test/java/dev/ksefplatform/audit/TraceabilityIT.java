package dev.ksefplatform.audit;

import static dev.ksefplatform.audit.ItSupport.awaitRows;
import static dev.ksefplatform.audit.ItSupport.publish;
import static dev.ksefplatform.audit.ItSupport.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.audit.traceability.adapter.micrometer.MicrometerViolationAlarm;
import dev.ksefplatform.schemas.logging.LogScope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.testsupport.CapturedLogs;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Traceability (issue #11 item 3): a violation is a row and a count, the event is audited, nothing retries it. */
class TraceabilityIT extends AuditServiceIT {

    @Autowired
    MeterRegistry meters;

    @Test
    void acceptedInvoiceWithoutAnIntegrationIsAViolationRecordedAndCountedOnce() throws InterruptedException {
        double before = violations("MISSING_INTEGRATION");
        EventEnvelope untraceable = TestEvents.invoiceAccepted("tenant-untraced", "cmd-1", null);
        List<CapturedLogs.Entry> lines;
        try (CapturedLogs logs = CapturedLogs.attach()) {
            publish(untraceable);
            publish(untraceable);
            publish(TestEvents.invoiceAccepted("tenant-untraced", "cmd-2", "integration-untraced"));

            awaitRows("tenant-untraced", 2);
            lines = violationLogged(logs);
        }

        assertThat(query("SELECT reason || ',' || event_type || ',' || correlation_id FROM audit.tenant_violations"
                + " WHERE tenant_id = 'tenant-untraced'")).contains("MISSING_INTEGRATION,InvoiceAccepted,cmd-1");
        assertThat(query("SELECT count(*) FROM audit.tenant_violations WHERE tenant_id = 'tenant-untraced'"))
                .contains("1");
        assertThat(violations("MISSING_INTEGRATION")).isEqualTo(before + 1);
        assertThat(lines).filteredOn(l -> l.message().startsWith("tenant violation")).singleElement()
                .satisfies(l -> assertThat(l.mdc()).containsEntry(LogScope.TENANT, "tenant-untraced")
                        .containsEntry(LogScope.CORRELATION, "cmd-1")
                        .containsEntry(LogScope.EVENT, untraceable.getMessageId()));
    }

    @Test
    void documentReceivedThroughAnotherTenantsIntegrationIsAViolationNamingItsOwner() {
        double before = violations("FOREIGN_INTEGRATION");
        publish(TestEvents.integrationRegistered("tenant-owner", "integration-owned"));
        publish(TestEvents.integrationRegistered("tenant-thief", "integration-thief"));
        // tenants' events lie in different partitions: the owner must be known before the check can judge
        awaitRows("tenant-owner", 1);
        publish(TestEvents.inboxInvoiceReceived("tenant-thief", "sync-1", "integration-owned"));
        publish(TestEvents.inboxInvoiceReceived("tenant-thief", "sync-2", "integration-thief"));
        publish(TestEvents.invoiceAccepted("tenant-owner", "cmd-3", "integration-owned"));

        awaitRows("tenant-thief", 3);
        awaitRows("tenant-owner", 2);

        assertThat(query("SELECT reason || ',' || correlation_id || ',' || integration_id || ',' || owner_tenant_id"
                + " FROM audit.tenant_violations WHERE tenant_id = 'tenant-thief'"))
                .contains("FOREIGN_INTEGRATION,sync-1,integration-owned,tenant-owner");
        assertThat(query("SELECT count(*) FROM audit.tenant_violations"
                + " WHERE tenant_id IN ('tenant-thief', 'tenant-owner')")).contains("1");
        assertThat(violations("FOREIGN_INTEGRATION")).isEqualTo(before + 1);
        assertThat(prometheus()).contains("ksef_tenant_violations_total{reason=\"FOREIGN_INTEGRATION\"}");
    }

    @Test
    void integrationNeverSeenOnTheLogCannotBeJudgedAndPasses() {
        publish(TestEvents.invoiceAccepted("tenant-unknown", "cmd-4", "integration-nobody-registered"));

        awaitRows("tenant-unknown", 1);

        assertThat(query("SELECT count(*) FROM audit.tenant_violations WHERE tenant_id = 'tenant-unknown'"))
                .contains("0");
    }

    /** The alarm logs after the commit that stored the row: waits for its line (at most 10 s). */
    private static List<CapturedLogs.Entry> violationLogged(CapturedLogs logs) throws InterruptedException {
        for (int i = 0; i < 100 && logs.entries().stream().noneMatch(l -> l.message().startsWith("tenant violation")); i++) {
            Thread.sleep(100);
        }
        return logs.entries();
    }

    private double violations(String reason) {
        return Optional.ofNullable(meters.find(MicrometerViolationAlarm.METRIC).tag("reason", reason).counter())
                .map(c -> c.count()).orElse(0.0);
    }

    private String prometheus() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
