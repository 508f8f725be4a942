package dev.ksefplatform.support.projection.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.logging.LogScope;
import dev.ksefplatform.support.projection.application.Poisoned;
import dev.ksefplatform.support.projection.domain.RecordPosition;
import dev.ksefplatform.testsupport.CapturedLogs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class PoisonRecordsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void skippedRecordIsCountedUnderItsConsumerGroup() {
        PoisonRecords poison = new PoisonRecords(meters, "audit-projector");

        poison.skipped(poisoned("audit-projector", 17));
        poison.skipped(poisoned("audit-projector", 18));

        assertThat(meters.get(PoisonRecords.METRIC).tag("group", "audit-projector").counter().count()).isEqualTo(2.0);
    }

    @Test
    void groupsAreCountedApart() {
        new PoisonRecords(meters, "sync-service").skipped(poisoned("sync-service", 1));
        new PoisonRecords(meters, "audit-projector");

        assertThat(meters.get(PoisonRecords.METRIC).tag("group", "sync-service").counter().count()).isEqualTo(1.0);
        assertThat(meters.get(PoisonRecords.METRIC).tag("group", "audit-projector").counter().count()).isZero();
    }

    @Test
    void theSkipIsLoggedWithTheRecordsTenantAndEventIdsAndNothingLeftBehind() {
        PoisonRecords poison = new PoisonRecords(meters, "audit-projector");

        List<CapturedLogs.Entry> lines;
        try (CapturedLogs logs = CapturedLogs.attach()) {
            poison.skipped(poisoned("audit-projector", 19));
            lines = logs.entries();
        }

        assertThat(lines).singleElement().satisfies(line -> assertThat(line.mdc())
                .containsExactlyInAnyOrderEntriesOf(Map.of(LogScope.TENANT, "tenant-a", LogScope.EVENT, "m-19")));
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    private static Poisoned poisoned(String group, long offset) {
        return new Poisoned(new RecordPosition(group, "ksef.events.v1", 2, offset), "m-" + offset, "tenant-a",
                "undecodable: SerializationException");
    }
}
