package dev.ksefplatform.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.ksef.id.KsefNumber;
import dev.ksefplatform.ksef.id.Nip;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.FormCode;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceDocument;
import dev.ksefplatform.schemas.v1.InvoiceDuplicate;
import dev.ksefplatform.schemas.v1.InvoiceSubmissionAbandoned;
import dev.ksefplatform.schemas.v1.KsefCallFailed;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import dev.ksefplatform.schemas.v1.SyncInbox;
import dev.ksefplatform.simulator.KsefSimulatorApplication;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.worker.TenantWorkerApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/** The worker over a real Kafka broker and the KSeF simulator, with a stub credential-service. */
class SubmitInvoiceIT {

    private static final String SELLER_NIP = "5265877635";
    private static final String DENIED_NIP = "7680002466";
    private static final String FLAKY_NIP = "1234563218";
    private static final String DOWN_NIP = "5213017228";

    private static ConfigurableApplicationContext simulator;
    private static ConfigurableApplicationContext worker;
    private static CredentialServiceStub credentials;
    private static KafkaProbe kafka;
    private static URI simulatorUrl;

    @BeforeAll
    static void start() throws Exception {
        String bootstrap = EmbeddedKafka.get().bootstrapServers();
        simulator = KsefSimulatorApplication.builder().run("--server.port=0");
        simulatorUrl = URI.create("http://127.0.0.1:" + simulator.getEnvironment().getProperty("local.server.port"));
        credentials = new CredentialServiceStub(simulatorUrl);
        credentials.deny(DENIED_NIP);
        credentials.failTimes(DOWN_NIP, Integer.MAX_VALUE);
        kafka = new KafkaProbe(bootstrap);
        worker = TenantWorkerApplication.builder().run("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--ksef.environments.TEST.base-url=" + simulatorUrl + "/v2",
                "--ksef.services.credential-service.url=" + credentials.url(),
                "--worker.services.credential-service.token=" + CredentialServiceStub.CALLER_TOKEN,
                "--worker.retry.max-attempts=3", "--worker.retry.initial-interval=100ms",
                "--worker.retry.max-interval=200ms", "--worker.retry.max-retry-after=5s",
                "--worker.ksef.status-timeout=3s");
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (credentials != null) {
            credentials.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void acceptedInvoiceIsRecordedWithAChecksumValidKsefNumber() {
        CommandEnvelope command = submitInvoice("tenant-a", SELLER_NIP, uniqueNumber());

        kafka.publish(command);

        ConsumerRecord<String, EventEnvelope> record = kafka.awaitEvent(outcomeOf(command));
        EventEnvelope event = record.value();
        assertThat(event.getPayload()).isInstanceOf(InvoiceAccepted.class);
        InvoiceAccepted accepted = (InvoiceAccepted) event.getPayload();
        assertThat(KsefNumber.isValid(accepted.getKsefNumber())).isTrue();
        assertThat(accepted.getKsefNumber()).startsWith(SELLER_NIP);
        assertThat(accepted.getInvoiceHash()).isEqualTo(sha256Of(command));
        assertThat(record.key()).isEqualTo("tenant-a");
        assertThat(event.getCorrelationId()).isEqualTo(command.getMessageId());
        assertThat(event.getCausationId()).isEqualTo(command.getMessageId());
        assertThat(event.getSource()).isEqualTo("tenant-worker");
        assertThat(event.getAudit().getOperation()).isEqualTo("ksef.invoice.submit");
        assertThat(event.getAudit().getTenantNip()).isEqualTo(SELLER_NIP);
        assertThat(MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_TYPE)).hasValue("InvoiceAccepted");
        assertThat(MessageHeaders.get(record.headers(), MessageHeaders.CORRELATION_ID))
                .hasValue(command.getMessageId());
        assertThat(simulatorInvoices(SELLER_NIP)).contains(accepted.getKsefNumber());
        assertThat(kafka.committedCommandOffsets("tenant-worker")).isPositive();
    }

    @Test
    void workerReadsOnlyCommittedRecordsAndWritesTransactionally() {
        Map<String, Object> consumer = worker.getBean(ConsumerFactory.class).getConfigurationProperties();
        ProducerFactory<?, ?> producer = worker.getBean(ProducerFactory.class);

        assertThat(consumer).containsEntry("isolation.level", "read_committed")
                .containsEntry("group.id", "tenant-worker");
        assertThat(producer.transactionCapable()).isTrue();
        assertThat(producer.getConfigurationProperties()).containsEntry("acks", "all")
                .containsEntry("compression.type", "zstd");
    }

    @Test
    void leasedAccessTokensNeverAppearInEvents() {
        CommandEnvelope command = submitInvoice("tenant-a", SELLER_NIP, uniqueNumber());
        kafka.publish(command);
        kafka.awaitEvent(outcomeOf(command));

        List<String> tokens = credentials.lentAccessTokens();

        assertThat(tokens).isNotEmpty();
        assertThat(kafka.eventsSoFar()).allSatisfy(r -> tokens.forEach(token ->
                assertThat(r.value().toString()).doesNotContain(token)));
    }

    @Test
    void sameInvoiceAgainIsRecordedAsDuplicateOfTheOriginal() {
        String number = uniqueNumber();
        CommandEnvelope first = submitInvoice("tenant-a", SELLER_NIP, number);
        kafka.publish(first);
        InvoiceAccepted original = (InvoiceAccepted) kafka.awaitEvent(outcomeOf(first)).value().getPayload();

        CommandEnvelope again = submitInvoice("tenant-a", SELLER_NIP, number);
        kafka.publish(again);

        EventEnvelope event = kafka.awaitEvent(outcomeOf(again)).value();
        assertThat(event.getPayload()).isInstanceOf(InvoiceDuplicate.class);
        assertThat(((InvoiceDuplicate) event.getPayload()).getOriginalKsefNumber())
                .isEqualTo(original.getKsefNumber());
    }

    @Test
    void deniedLeaseAbandonsTheSubmissionWithoutReachingKsef() {
        CommandEnvelope command = submitInvoice("tenant-b", DENIED_NIP, uniqueNumber());

        kafka.publish(command);

        EventEnvelope event = kafka.awaitEvent(outcomeOf(command)).value();
        assertThat(event.getPayload()).isInstanceOf(InvoiceSubmissionAbandoned.class);
        assertThat(((InvoiceSubmissionAbandoned) event.getPayload()).getReason()).contains("tenant-violation");
        assertThat(event.getAudit().getHttpStatus()).isEqualTo(403);
        assertThat(credentials.calls(DENIED_NIP)).hasSize(1);
        assertThat(simulatorInvoices(DENIED_NIP)).isEqualTo("[]");
    }

    @Test
    void transientLeaseFailureIsRetriedAfterRetryAfterAndThenAccepted() {
        credentials.failTimes(FLAKY_NIP, 1);
        CommandEnvelope command = submitInvoice("tenant-c", FLAKY_NIP, uniqueNumber());

        kafka.publish(command);

        EventEnvelope event = kafka.awaitEvent(outcomeOf(command)).value();
        assertThat(event.getPayload()).isInstanceOf(InvoiceAccepted.class);
        List<Instant> calls = credentials.calls(FLAKY_NIP);
        assertThat(calls).hasSize(2);
        assertThat(Duration.between(calls.get(0), calls.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(outcomesOf(command)).hasSize(1);
        KsefCallFailed failed = (KsefCallFailed) kafka.awaitEvent(r -> command.getMessageId()
                .equals(r.value().getCausationId()) && r.value().getPayload() instanceof KsefCallFailed).value()
                .getPayload();
        assertThat(failed.getAttempt()).isEqualTo(1);
        assertThat(failed.getRetryable()).isTrue();
        assertThat(failed.getErrorCode()).isEqualTo(503);
    }

    @Test
    void exhaustedRetriesDeadLetterTheCommandAndAbandonTheSubmission() {
        CommandEnvelope command = submitInvoice("tenant-d", DOWN_NIP, uniqueNumber());

        kafka.publish(command);

        EventEnvelope event = kafka.awaitEvent(outcomeOf(command)).value();
        assertThat(event.getPayload()).isInstanceOf(InvoiceSubmissionAbandoned.class);
        InvoiceSubmissionAbandoned abandoned = (InvoiceSubmissionAbandoned) event.getPayload();
        assertThat(abandoned.getAttempts()).isEqualTo(3);
        assertThat(abandoned.getReason()).contains("retries exhausted");
        assertThat(credentials.calls(DOWN_NIP)).hasSize(3);
        ConsumerRecord<String, byte[]> dead = kafka.awaitDeadLetter(r -> command.getMessageId().equals(
                MessageHeaders.get(r.headers(), MessageHeaders.MESSAGE_ID).orElse(null)));
        assertThat(dead.key()).isEqualTo("tenant-d");
        assertThat(kafka.eventsSoFar()).map(ConsumerRecord::value)
                .filteredOn(e -> command.getMessageId().equals(e.getCausationId()))
                .filteredOn(e -> e.getPayload() instanceof KsefCallFailed)
                .extracting(e -> ((KsefCallFailed) e.getPayload()).getAttempt() + ":"
                        + ((KsefCallFailed) e.getPayload()).getRetryable())
                .containsExactly("1:true", "2:true", "3:false");
    }

    @Test
    void retryAfterAStatusTimeoutResumesTheSentInvoiceInsteadOfSendingItAgain() {
        CommandEnvelope command = submitInvoice("tenant-stuck", SELLER_NIP, uniqueNumber());
        try {
            simulatorFaults("POST", "{\"stuckAt150\":true}");
            kafka.publish(command);
            KsefCallFailed failed = (KsefCallFailed) kafka.awaitEvent(r -> command.getMessageId()
                    .equals(r.value().getCausationId()) && r.value().getPayload() instanceof KsefCallFailed).value()
                    .getPayload();
            assertThat(failed.getMessage()).contains("150");
        } finally {
            simulatorFaults("DELETE", null);
        }

        EventEnvelope outcome = kafka.awaitEvent(outcomeOf(command)).value();

        // a second send would have made KSeF answer 440, turning the tenant's own invoice into a duplicate
        assertThat(outcome.getPayload()).isInstanceOf(InvoiceAccepted.class);
        String ksefNumber = ((InvoiceAccepted) outcome.getPayload()).getKsefNumber();
    }

    @Test
    void poisonRecordGoesStraightToTheDeadLetterTopic() {
        String messageId = UUID.randomUUID().toString();
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);

        kafka.publishRaw("tenant-e", messageId, garbage);

        ConsumerRecord<String, byte[]> dead = kafka.awaitDeadLetter(r -> messageId.equals(
                MessageHeaders.get(r.headers(), MessageHeaders.MESSAGE_ID).orElse(null)));
        assertThat(dead.key()).isEqualTo("tenant-e");
        assertThat(dead.value()).isEqualTo(garbage);
        EventEnvelope event = kafka.awaitEvent(r -> messageId.equals(r.value().getCorrelationId())).value();
        assertThat(event.getPayload()).isInstanceOf(CommandDeadLettered.class);
        assertThat(event.getTenantId()).isEqualTo("tenant-e");
    }

    @Test
    void unsupportedCommandIsDeadLetteredSayingSo() {
        CommandEnvelope command = envelope("tenant-f",
                SyncInbox.newBuilder().setContextNip(SELLER_NIP).build());

        kafka.publish(command);

        EventEnvelope event = kafka.awaitEvent(outcomeOf(command)).value();
        assertThat(event.getPayload()).isInstanceOf(CommandDeadLettered.class);
        assertThat(((CommandDeadLettered) event.getPayload()).getReason()).contains("not supported yet");
        kafka.awaitDeadLetter(r -> command.getMessageId().equals(
                MessageHeaders.get(r.headers(), MessageHeaders.MESSAGE_ID).orElse(null)));
    }

    @Test
    void aThrottledTenantDoesNotStallAnotherTenantOnTheSamePartition() {
        String tenantA = "lane-a-" + UUID.randomUUID();
        String tenantB = tenantOnTheSamePartitionAs(tenantA);
        String nipA = uniqueNip();
        String nipB = uniqueNip();
        // B's first lease logs in to KSeF: done beforehand, so the timing below measures the lanes, not a login
        CommandEnvelope warmUp = submitInvoice(tenantB, nipB, uniqueNumber());
        kafka.publish(warmUp);
        assertThat(kafka.awaitEvent(outcomeOf(warmUp)).value().getPayload()).isInstanceOf(InvoiceAccepted.class);
        credentials.failTimes(nipA, 1, 4);
        CommandEnvelope a = submitInvoice(tenantA, nipA, uniqueNumber());
        CommandEnvelope b = submitInvoice(tenantB, nipB, uniqueNumber());

        kafka.publish(a);
        Instant bPublished = Instant.now();
        kafka.publish(b);

        ConsumerRecord<String, EventEnvelope> bOutcome = kafka.awaitEvent(outcomeOf(b));
        Duration bTook = Duration.between(bPublished, Instant.now());
        ConsumerRecord<String, EventEnvelope> aOutcome = kafka.awaitEvent(outcomeOf(a));

        assertThat(kafka.commandPartitionOf(tenantB)).isEqualTo(kafka.commandPartitionOf(tenantA));
        assertThat(bOutcome.value().getPayload()).isInstanceOf(InvoiceAccepted.class);
        assertThat(bTook).isLessThan(Duration.ofSeconds(3));
        assertThat(aOutcome.value().getPayload()).isInstanceOf(InvoiceAccepted.class);
        assertThat(bOutcome.timestamp()).isLessThan(aOutcome.timestamp());
        List<Instant> aLeases = credentials.calls(nipA);
        assertThat(aLeases).hasSize(2);
        assertThat(Duration.between(aLeases.get(0), aLeases.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(3950));
        // B was finished while A was still waiting out its Retry-After
        assertThat(Instant.ofEpochMilli(bOutcome.timestamp())).isBefore(aLeases.get(1));
    }

    @Test
    void commandsOfOneTenantAreProcessedInOrderEvenWhenTheFirstIsRetried() {
        String tenant = "ordered-" + UUID.randomUUID();
        String nip = uniqueNip();
        credentials.failTimes(nip, 1);
        CommandEnvelope first = submitInvoice(tenant, nip, uniqueNumber());
        CommandEnvelope second = submitInvoice(tenant, nip, uniqueNumber());

        kafka.publish(first);
        kafka.publish(second);

        ConsumerRecord<String, EventEnvelope> firstOutcome = kafka.awaitEvent(outcomeOf(first));
        ConsumerRecord<String, EventEnvelope> secondOutcome = kafka.awaitEvent(outcomeOf(second));
        assertThat(firstOutcome.value().getPayload()).isInstanceOf(InvoiceAccepted.class);
        assertThat(secondOutcome.value().getPayload()).isInstanceOf(InvoiceAccepted.class);
        // the first command's failed lease, its retry, then the second command's lease: never the second in between
        List<Instant> leases = credentials.calls(nip);
        assertThat(leases).hasSize(3);
        assertThat(Duration.between(leases.get(0), leases.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(firstOutcome.partition()).isEqualTo(secondOutcome.partition());
        assertThat(firstOutcome.offset()).isLessThan(secondOutcome.offset());
        assertThat(leases.get(2)).isAfter(Instant.ofEpochMilli(firstOutcome.timestamp()));
    }

    private static String tenantOnTheSamePartitionAs(String tenant) {
        int partition = kafka.commandPartitionOf(tenant);
        for (int i = 0; ; i++) {
            String candidate = "lane-b-" + i + "-" + UUID.randomUUID();
            if (kafka.commandPartitionOf(candidate) == partition) {
                return candidate;
            }
        }
    }

    private static String uniqueNip() {
        while (true) {
            String nip = Nip.withCheckDigit(Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L,
                    999_999_999L)));
            if (nip != null) {
                return nip;
            }
        }
    }

    private static java.util.function.Predicate<ConsumerRecord<String, EventEnvelope>> outcomeOf(
            CommandEnvelope command) {
        return r -> command.getMessageId().equals(r.value().getCausationId()) && isFinal(r.value());
    }

    private static List<EventEnvelope> outcomesOf(CommandEnvelope command) {
        return kafka.eventsSoFar().stream().map(ConsumerRecord::value)
                .filter(e -> command.getMessageId().equals(e.getCausationId()) && isFinal(e)).toList();
    }

    private static boolean isFinal(EventEnvelope event) {
        String type = event.getPayload().getClass().getSimpleName();
        return List.of("InvoiceAccepted", "InvoiceRejected", "InvoiceDuplicate", "InvoiceSubmissionAbandoned",
                "CommandDeadLettered").contains(type);
    }

    private static CommandEnvelope submitInvoice(String tenantId, String nip, String number) {
        byte[] xml = Invoices.fa3(nip, number);
        return envelope(tenantId, SubmitInvoice.newBuilder()
                .setContextNip(nip)
                .setFormCode(FormCode.newBuilder().build())
                .setInvoice(InvoiceDocument.newBuilder().setXml(ByteBuffer.wrap(xml)).setSha256(Invoices.sha256(xml))
                        .setInvoiceNumber(Invoices.p2(number)).setSellerNip(nip).build())
                .build());
    }

    private static CommandEnvelope envelope(String tenantId, Object payload) {
        String id = UUID.randomUUID().toString();
        return CommandEnvelope.newBuilder().setMessageId(id).setTenantId(tenantId).setCorrelationId(id)
                .setOccurredAt(Instant.now()).setSource("worker-it").setPayload(payload).build();
    }

    private static String sha256Of(CommandEnvelope command) {
        return ((SubmitInvoice) command.getPayload()).getInvoice().getSha256();
    }

    private static String uniqueNumber() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));
    }

    private static void simulatorFaults(String method, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(simulatorUrl.resolve("/sim/v1/faults"))
                    .header("Content-Type", "application/json");
            request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                    : request.method(method, HttpRequest.BodyPublishers.ofString(body));
            int status = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(status).isBetween(200, 299);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String simulatorInvoices(String sellerNip) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    simulatorUrl.resolve("/sim/v1/invoices?sellerNip=" + sellerNip)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
