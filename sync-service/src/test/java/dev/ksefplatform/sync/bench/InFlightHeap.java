package dev.ksefplatform.sync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Heap retained per invoice in flight: the heap used after a full GC while the events of {@code commands} invoices
 * have been fetched by the service but not applied, minus the same with none. To hold them in flight, the
 * listener is paused while they are published, the offsets table locked (the batch's first statement, the offsets
 * lock, waits on it), then the listener resumed: it fetches what it can and blocks in its transaction. Whole-JVM
 * heap: the broker and the harness share it, but keep no records on the heap between requests.
 */
final class InFlightHeap {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private InFlightHeap() {
    }

    /** Bytes of heap per in-flight invoice. */
    static double perInvoice(ConfigurableApplicationContext service, CommandEvents events, StatementCounter db,
                             String schema, int commands) throws Exception {
        KafkaListenerEndpointRegistry registry = service.getBean(KafkaListenerEndpointRegistry.class);
        try (Connection lock = db.connect(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("LOCK TABLE " + schema + ".applied_offsets IN EXCLUSIVE MODE");
            long none = usedAfterGc();
            registry.getListenerContainers().forEach(MessageListenerContainer::pause);
            while (!registry.getListenerContainers().stream().allMatch(MessageListenerContainer::isPauseRequested)) {
                Thread.sleep(10);
            }
            Thread.sleep(2_000);
            events.publish(commands, 0);
            registry.getListenerContainers().forEach(MessageListenerContainer::resume);
            Thread.sleep(5_000);
            long held = usedAfterGc();
            System.out.printf("HEAP after full GC: %,d bytes with nothing in flight, %,d with %,d invoices' events"
                    + " fetched and waiting on the lock%n", none, held, commands);
            lock.rollback();
            return (held - none) / (double) commands;
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
