package dev.ksefplatform.worker.outbox.adapter.kafka;

import dev.ksefplatform.worker.outbox.application.OutboxPublisher;
import dev.ksefplatform.worker.outbox.application.OutboxRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** An idempotent producer (acks=all): records of one key keep their order, and a retry never doubles one. */
public class KafkaOutboxPublisher implements OutboxPublisher {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Producer<String, byte[]> producer;

    public KafkaOutboxPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    @Override
    public void publish(List<OutboxRecord> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (OutboxRecord record : records) {
            RecordHeaders headers = new RecordHeaders();
            record.headers().forEach(headers::add);
            acks.add(producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers)));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            await(ack);
        }
    }

    private static void await(Future<RecordMetadata> ack) {
        try {
            ack.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge an outbox record: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the outbox", e);
        }
    }
}
