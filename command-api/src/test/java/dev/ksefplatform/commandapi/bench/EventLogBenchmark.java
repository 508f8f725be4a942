package dev.ksefplatform.commandapi.bench;

import dev.ksefplatform.commandapi.EventLog;
import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;

/**
 * What command-api costs for an invoice it never sees a request of (commands straight onto Kafka): the other services'
 * events on {@code ksef.events.v1} that its event-log watcher reads, plus its schedules. Puts {@code events} (6)
 * events per command on the event log for commands at {@code rates} (300) per second, each window of {@code window}
 * seconds (20) measured until the gateway's group has read them all, after an idle window (the schedules alone);
 * {@code jfr} (a file) records the windows.
 * Prints figures, asserts nothing. Command: command-api/README.md, <i>Cost from the event log</i>.
 */
public final class EventLogBenchmark {

    private EventLogBenchmark() {
    }

    public static void main(String[] args) {
        int[] rates = java.util.Arrays.stream(System.getProperty("rates", "300").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Duration window = Duration.ofSeconds(Long.getLong("window", 20));
        int events = Integer.getInteger("events", 6);
        EmbeddedPostgres postgres = EmbeddedPostgres.get();
        String kafka = EmbeddedKafka.get().bootstrapServers();
        ConfigurableApplicationContext app = GatewayLoadBenchmark.start(postgres, kafka);
        var tenants = GatewayLoadBenchmark.register(GatewayLoadBenchmark.client(
                ((org.springframework.boot.web.context.WebServerApplicationContext) app).getWebServer().getPort()), 20);
        try (KafkaProducer<String, EventEnvelope> producer = producer(kafka);
             EventLogDrain drain = new EventLogDrain(kafka, "command-api")) {
            IntFunction<Mono<Boolean>> command = i -> publish(producer, tenants.get(i % tenants.size()).id(), events);
            OpenLoop.run(rates[0], Duration.ofSeconds(Long.getLong("warmup", 30)), command);
            drain.await();
            try (GatewayRecording recording = GatewayRecording.start(System.getProperty("jfr"))) {
                System.out.println(EventLogFigures.idle(postgres, window));
                for (int rate : rates) {
                    System.out.println(EventLogFigures.measure(postgres, rate, window, command, drain));
                }
            }
        }
        app.close();
        System.exit(0);
    }

    /** The events of one command (as tenant-worker writes them), all keyed by its tenant; true once all are acked. */
    private static Mono<Boolean> publish(KafkaProducer<String, EventEnvelope> producer, String tenantId, int events) {
        String commandId = UUID.randomUUID().toString();
        return Mono.create(sink -> {
            int[] left = {events};
            for (int e = 0; e < events; e++) {
                producer.send(EventLog.invoiceSentRecord(tenantId, commandId), (m, error) -> {
                    if (error != null) {
                        sink.success(false);
                    } else if (--left[0] == 0) {
                        sink.success(true);
                    }
                });
            }
        });
    }

    /** An outbox relay's producer (acks=all, idempotent, zstd, linger 2 ms), under a client id the meter groups apart. */
    private static KafkaProducer<String, EventEnvelope> producer(String kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-events", ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.LINGER_MS_CONFIG, 2),
                new StringSerializer(), new EventEnvelopeSerializer());
    }
}
