package dev.ksefplatform.systemtests.ksef;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.FormCode;
import dev.ksefplatform.ksef.client.IncrementalSync;
import dev.ksefplatform.ksef.client.InvoiceMetadata;
import dev.ksefplatform.ksef.client.InvoiceMetadataPage;
import dev.ksefplatform.ksef.client.InvoiceQuery;
import dev.ksefplatform.ksef.client.InvoiceQuery.DateType;
import dev.ksefplatform.ksef.client.InvoiceQuery.SubjectType;
import dev.ksefplatform.ksef.client.InvoiceStatus;
import dev.ksefplatform.ksef.client.KsefClient;
import dev.ksefplatform.ksef.client.OnlineSession;
import dev.ksefplatform.ksef.client.SentInvoice;
import dev.ksefplatform.ksef.client.SyncCheckpoint;
import dev.ksefplatform.ksef.client.SyncResult;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Receiving: exports over high-water-mark windows deliver invoices stored before and after a sync run exactly once,
 * each with the XML that was sent; the metadata query and the single-invoice download agree with them.
 */
class InvoiceExportSyncIT {

    private static final Duration FINAL = Duration.ofSeconds(60);
    private static final int PER_WAVE = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final KsefContractFixture KSEF = KsefContractFixture.withoutRateLimits();
    private final RunningSimulator simulator = KSEF.simulator();
    private final ContractLog contract = KSEF.contract();
    private final KsefClient ksef = KSEF.client();

    @Test
    void invoicesStoredAcrossTwoWindowsAreEachReceivedOnceWithTheirXml() {
        String nip = TestNips.random();
        String token = simulator.seedKsefToken(nip, "InvoiceWrite", "InvoiceRead").token();
        String access = ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip), token).accessToken().token();
        IncrementalSync sync = ksef.incrementalSync(FINAL, 5);
        List<String> received = new ArrayList<>();
        List<String> badXml = new ArrayList<>();
        Sync state = new Sync(SyncCheckpoint.startingAt(Instant.now().minusSeconds(60)), 0);

        Set<String> firstWave = sendWave(access, nip, "FV/EXP/A/").keySet();
        state = syncUntilReceived(sync, access, state, firstWave, received, badXml);
        Set<String> secondWave = sendWave(access, nip, "FV/EXP/B/").keySet();
        state = syncUntilReceived(sync, access, state, secondWave, received, badXml);

        Set<String> all = new HashSet<>(firstWave);
        all.addAll(secondWave);
        assertThat(received).as("nothing received twice").doesNotHaveDuplicates();
        assertThat(received).containsExactlyInAnyOrderElementsOf(all);
        assertThat(simulator.acceptedInvoices(nip)).extracting(i -> i.path("ksefNumber").asText())
                .containsExactlyInAnyOrderElementsOf(all);
        assertThat(badXml).as("invoices whose XML does not match their metadata hash").isEmpty();
        assertThat(state.windows()).isGreaterThanOrEqualTo(2);
        assertEachWindowStartsWhereTheLastOneEnded();
    }

    /** On the wire: each export's {@code dateRange.from} is the previous package's HWM (or last date if truncated). */
    private void assertEachWindowStartsWhereTheLastOneEnded() {
        List<Instant> starts = new ArrayList<>();
        List<Instant> ends = new ArrayList<>();
        for (Exchange e : contract.exchanges()) {
            if (e.method().equals("POST") && e.uri().getPath().endsWith("/invoices/exports")) {
                JsonNode range = json(e.requestBody()).path("filters").path("dateRange");
                assertThat(range.path("dateType").asText()).isEqualTo("PermanentStorage");
                assertThat(range.path("restrictToPermanentStorageHwmDate").asBoolean()).isTrue();
                starts.add(OffsetDateTime.parse(range.path("from").asText()).toInstant());
            } else if (e.method().equals("GET") && e.uri().getPath().contains("/invoices/exports/")
                    && json(e.responseBody()).path("status").path("code").asInt() == 200) {
                JsonNode pack = json(e.responseBody()).path("package");
                String end = pack.path("isTruncated").asBoolean() ? "lastPermanentStorageDate" : "permanentStorageHwmDate";
                ends.add(OffsetDateTime.parse(pack.path(end).asText()).toInstant());
            }
        }
        System.out.printf("FIGURE export sync: %d windows, starts %s, ends %s%n", starts.size(), starts, ends);
        assertThat(starts).hasSize(ends.size()).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(starts.get(i)).as("window %d starts at the end of window %d", i + 1, i).isEqualTo(ends.get(i - 1));
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aStoredInvoiceIsListedByTheMetadataQueryAndDownloadsExactlyAsSent() {
        String nip = TestNips.random();
        String token = simulator.seedKsefToken(nip, "InvoiceWrite", "InvoiceRead").token();
        String access = ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip), token).accessToken().token();
        InvoiceQuery issuedLately = new InvoiceQuery(SubjectType.Subject1, DateType.PermanentStorage,
                Instant.now().minusSeconds(60), null, true);

        Map<String, byte[]> sent = sendWave(access, nip, "FV/GET/");

        InvoiceMetadataPage page = Await.until(() -> ksef.invoiceQueries().metadata(access, issuedLately, 0, 10),
                p -> p.invoices().size() >= sent.size(), FINAL);
        assertThat(page.invoices()).extracting(InvoiceMetadata::ksefNumber)
                .containsExactlyInAnyOrderElementsOf(sent.keySet());
        for (InvoiceMetadata metadata : page.invoices()) {
            byte[] xml = sent.get(metadata.ksefNumber());
            assertThat(metadata.invoiceHash()).isEqualTo(sha256(xml));
            assertThat(metadata.sellerNip()).isEqualTo(nip);
            assertThat(ksef.invoiceQueries().invoice(access, metadata.ksefNumber())).isEqualTo(xml);
        }
    }

    private record Sync(SyncCheckpoint checkpoint, int windows) {
    }

    /** Runs the sync from where the last run stopped until {@code expected} arrived (the HWM may lag a little). */
    private static Sync syncUntilReceived(IncrementalSync sync, String access, Sync start, Set<String> expected,
                                          List<String> received, List<String> badXml) {
        long deadline = System.nanoTime() + FINAL.toNanos();
        Sync state = start;
        while (!received.containsAll(expected)) {
            assertThat(System.nanoTime()).as("%s received within %s", expected, FINAL).isLessThan(deadline);
            SyncResult result = sync.run(access, SubjectType.Subject1, state.checkpoint(), (metadata, xml) -> {
                received.add(metadata.ksefNumber());
                if (xml == null || !sha256(xml).equals(metadata.invoiceHash())) {
                    badXml.add(metadata.ksefNumber());
                }
            });
            state = new Sync(result.next(), state.windows() + result.windows());
        }
        return state;
    }

    /** Sends invoices in one online session; returns each accepted invoice's XML by its KSeF number. */
    private Map<String, byte[]> sendWave(String access, String nip, String numberPrefix) {
        Map<String, byte[]> accepted = new HashMap<>();
        try (OnlineSession session = ksef.onlineSessions().open(access, FormCode.FA3)) {
            Map<SentInvoice, byte[]> sent = new LinkedHashMap<>();
            for (int i = 1; i <= PER_WAVE; i++) {
                byte[] xml = OnlineSessionIT.invoice(nip, numberPrefix + i);
                sent.put(session.send(xml), xml);
            }
            sent.forEach((invoice, xml) -> {
                InvoiceStatus status = ksef.onlineSessions().awaitInvoiceStatus(access, session.referenceNumber(),
                        invoice.referenceNumber(), FINAL);
                assertThat(status.code()).isEqualTo(InvoiceStatus.SUCCESS);
                accepted.put(status.ksefNumber(), xml);
            });
        }
        return accepted;
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
