package dev.ksefplatform.systemtests.ksef;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.deploy.SampleInvoices;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.ExportPackage;
import dev.ksefplatform.ksef.client.InvoiceMetadata;
import dev.ksefplatform.ksef.client.InvoiceMetadataPage;
import dev.ksefplatform.ksef.client.InvoiceQuery;
import dev.ksefplatform.ksef.client.InvoiceQuery.DateType;
import dev.ksefplatform.ksef.client.InvoiceQuery.SubjectType;
import dev.ksefplatform.ksef.client.KsefClient;
import dev.ksefplatform.ksef.client.SyncCheckpoint;
import dev.ksefplatform.ksef.client.SyncResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The inbox path as KSeF's spec has it, through the real client, every exchange checked against openapi.json: the
 * metadata query's HWM holds for all pages of one query, export part downloads carry {@code x-ms-meta-hash}, and an
 * export whose window starts past the HWM is accepted and ends with status 420, which the sync reads as "nothing new".
 */
class InvoiceInboxIT {

    private static final Duration FINAL = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE_BUYER = "3861610227";

    @RegisterExtension
    static final KsefContractFixture KSEF = KsefContractFixture.withoutRateLimits();
    private final RunningSimulator simulator = KSEF.simulator();
    private final ContractLog contract = KSEF.contract();
    private final KsefClient ksef = KSEF.client();

    @Test
    void everyPageOfOneMetadataQueryShowsTheSameHighWaterMarkWhileInvoicesKeepArriving() {
        String buyer = TestNips.random();
        String access = loginToRead(buyer);
        InvoiceQuery received = new InvoiceQuery(SubjectType.Subject2, DateType.PermanentStorage,
                Instant.now().minusSeconds(60), null, true);
        awaitStored(receive(buyer, 25, "FV/HWM/A/"));

        InvoiceMetadataPage first = ksef.invoiceQueries().metadata(access, received, 0, 10);
        awaitStored(receive(buyer, 3, "FV/HWM/B/"));
        InvoiceMetadataPage second = ksef.invoiceQueries().metadata(access, received, 1, 10);
        InvoiceMetadataPage third = ksef.invoiceQueries().metadata(access, received, 2, 10);
        InvoiceMetadataPage again = ksef.invoiceQueries().metadata(access, received, 0, 250);

        assertThat(List.of(second.permanentStorageHwmDate(), third.permanentStorageHwmDate()))
                .containsOnly(first.permanentStorageHwmDate());
        List<String> paged = new ArrayList<>();
        List.of(first, second, third).forEach(page -> page.invoices().forEach(i -> paged.add(i.ksefNumber())));
        assertThat(paged).as("one snapshot: no late invoice, none twice").hasSize(25).doesNotHaveDuplicates();
        assertThat(third.hasMore()).isFalse();
        assertThat(again.permanentStorageHwmDate()).isAfter(first.permanentStorageHwmDate());
        assertThat(again.invoices()).hasSize(28);
    }

    @Test
    void exportPartsCarryTheHashOfTheirEncryptedBytesAndTheClientChecksIt() {
        String buyer = TestNips.random();
        String access = loginToRead(buyer);
        Set<String> sent = awaitStored(receive(buyer, 3, "FV/PART/"));
        InvoiceQuery received = new InvoiceQuery(SubjectType.Subject2, DateType.PermanentStorage,
                Instant.now().minusSeconds(60), null, true);

        Set<String> exported = new HashSet<>();
        try (ExportPackage pkg = ksef.invoiceExports().export(access, received, false, FINAL)) {
            pkg.metadata().forEach(m -> exported.add(m.ksefNumber()));
        }

        assertThat(exported).isEqualTo(sent);
        JsonNode part = json(lastExchange("GET", "/invoices/exports/").responseBody()).at("/package/parts/0");
        Exchange download = lastExchange("GET", "/storage/export/");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.responseHeader("x-ms-meta-hash")).hasValue(part.path("encryptedPartHash").asText());
    }

    @Test
    void anExportStartingPastTheHighWaterMarkIsAcceptedEndsWith420AndTheSyncFindsNothingNewYet() {
        String buyer = TestNips.random();
        String access = loginToRead(buyer);
        SyncCheckpoint ahead = new SyncCheckpoint(Instant.now().plus(Duration.ofHours(1)), Set.of("already-seen"));
        List<InvoiceMetadata> delivered = new ArrayList<>();

        SyncResult result = ksef.incrementalSync(FINAL, 5).run(access, SubjectType.Subject2, ahead,
                (metadata, xml) -> delivered.add(metadata));

        assertThat(result).isEqualTo(new SyncResult(ahead, 1, 0, 0));
        assertThat(delivered).isEmpty();
        assertThat(lastExchange("POST", "/invoices/exports").status()).isEqualTo(201);
        assertThat(json(lastExchange("GET", "/invoices/exports/").responseBody()).at("/status/code").asInt())
                .isEqualTo(420);
    }

    private String loginToRead(String nip) {
        String token = simulator.seedKsefToken(nip, "InvoiceRead").token();
        return ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip), token).accessToken().token();
    }

    /** {@code count} invoices from fresh sellers to {@code buyer}; returns their KSeF numbers and the last storage date. */
    private Received receive(String buyer, int count, String prefix) {
        Set<String> numbers = new HashSet<>();
        Instant last = Instant.EPOCH;
        for (int i = 1; i <= count; i++) {
            String xml = new String(SampleInvoices.fa3(TestNips.random(), prefix + i, LocalDate.now(ZoneId.of("Europe/Warsaw"))),
                    StandardCharsets.UTF_8).replace(TEMPLATE_BUYER, buyer);
            JsonNode created = simulator.receivedInvoice(xml.getBytes(StandardCharsets.UTF_8));
            numbers.add(created.path("ksefNumber").asText());
            last = Instant.parse(created.path("permanentStorageDate").asText());
        }
        return new Received(numbers, last);
    }

    private record Received(Set<String> ksefNumbers, Instant lastStored) {
    }

    private static Set<String> awaitStored(Received received) {
        while (!Instant.now().isAfter(received.lastStored())) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return received.ksefNumbers();
    }

    private Exchange lastExchange(String method, String pathPart) {
        return contract.exchanges().stream()
                .filter(e -> e.method().equals(method) && e.uri().getPath().contains(pathPart))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + method + " " + pathPart + " on the record"));
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
