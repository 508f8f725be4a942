package dev.ksefplatform.worker.outbox.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.ksefplatform.worker.engine.application.EventEncoder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class OutboxWriterTest {

    private final AtomicInteger woken = new AtomicInteger();
    private final OutboxWriter writer = new OutboxWriter(mock(JdbcTemplate.class), mock(EventEncoder.class),
            woken::incrementAndGet);

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void wakesTheRelayOnlyOnceTheWritingTransactionCommits() {
        TransactionSynchronizationManager.initSynchronization();

        writer.writeEncoded(3, List.of(encoded()));

        assertThat(woken).hasValue(0);
        TransactionSynchronizationUtils.invokeAfterCommit(TransactionSynchronizationManager.getSynchronizations());
        assertThat(woken).hasValue(1);
    }

    @Test
    void wakesTheRelayAtOnceOutsideATransaction() {
        writer.writeEncoded(3, List.of(encoded()));

        assertThat(woken).hasValue(1);
    }

    @Test
    void writingNothingWakesNobody() {
        writer.writeEncoded(3, List.of());

        assertThat(woken).hasValue(0);
    }

    private static EventEncoder.Encoded encoded() {
        return new EventEncoder.Encoded("ksef.events.v1", "tenant-1", "m-1", new byte[] {1}, Map.of());
    }
}
