package dev.ksefplatform.systemtests.bench;

import dev.ksefplatform.deploy.PlatformClient.Tenant;
import dev.ksefplatform.deploy.SampleInvoices;
import dev.ksefplatform.schemas.serde.CommandEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.FormCode;
import dev.ksefplatform.schemas.v1.InvoiceDocument;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code SubmitInvoice} commands published straight onto {@code ksef.commands.v1} as an upstream system does
 * (CONTRACTS §5: Avro single-object encoding, key and {@code tenantId} = the tenant, {@code messageId} =
 * {@code correlationId} = the command id, the headers, an idempotent producer with {@code acks=all}).
 */
final class DirectCommands {

    static final String SOURCE = "cost-benchmark";

    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final String label;

    /** {@code label} sets these commands' invoice numbers apart from those of another set of the same run. */
    DirectCommands(String label) {
        this.label = label;
    }

    /** {@code count} commands for the tenants in turn. */
    List<ProducerRecord<String, CommandEnvelope>> build(List<Tenant> tenants, int count) {
        List<ProducerRecord<String, CommandEnvelope>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(record(tenants.get(i % tenants.size()), label + "/" + run + "/" + i));
        }
        return records;
    }

    /** Sends them all without waiting for each acknowledgement, then waits for every one. */
    static void publish(String bootstrap, List<ProducerRecord<String, CommandEnvelope>> records) {
        try (KafkaProducer<String, CommandEnvelope> producer = new KafkaProducer<>(producerSettings(bootstrap),
                new StringSerializer(), new CommandEnvelopeSerializer())) {
            List<Future<?>> sends = new ArrayList<>(records.size());
            records.forEach(r -> sends.add(producer.send(r)));
            for (Future<?> send : sends) {
                send.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing commands failed", e);
        }
    }

    /**
     * CONTRACTS §5's producer settings, batched for throughput: with Kafka's default 16 KB batches and no linger, a
     * batch holds three 5 KB commands and the idempotent producer's five requests in flight cap the rate at the
     * broker's round trip (286 records/s in a run on the loaded machine).
     */
    static Map<String, Object> producerSettings(String bootstrap) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    }

    private static ProducerRecord<String, CommandEnvelope> record(Tenant tenant, String number) {
        byte[] xml = SampleInvoices.fa3(tenant.nip(), number, LocalDate.now());
        String id = UUID.randomUUID().toString();
        CommandEnvelope envelope = CommandEnvelope.newBuilder().setMessageId(id).setTenantId(tenant.tenantId())
                .setCorrelationId(id).setOccurredAt(Instant.now()).setSource(SOURCE)
                .setPayload(SubmitInvoice.newBuilder().setContextNip(tenant.nip()).setFormCode(FormCode.newBuilder().build())
                        .setInvoice(InvoiceDocument.newBuilder().setXml(ByteBuffer.wrap(xml)).setSha256(sha256(xml))
                                .setSellerNip(tenant.nip()).setInvoiceNumber("FA/GRQMB-" + number + "/05/2025").build())
                        .build())
                .build();
        ProducerRecord<String, CommandEnvelope> record = new ProducerRecord<>(Topics.COMMANDS.name(), tenant.tenantId(), envelope);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, id);
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, tenant.tenantId());
        MessageHeaders.put(record.headers(), MessageHeaders.CORRELATION_ID, id);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_TYPE, MessageTypes.of(envelope.getPayload()));
        MessageHeaders.put(record.headers(), MessageHeaders.SOURCE, SOURCE);
        return record;
    }

    private static String sha256(byte[] xml) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(xml));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
