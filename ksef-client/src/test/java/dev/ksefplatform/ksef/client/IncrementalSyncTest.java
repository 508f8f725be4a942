package dev.ksefplatform.ksef.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.ksef.client.InvoiceQuery.SubjectType;
import dev.ksefplatform.ksef.client.support.ExportStub;
import dev.ksefplatform.ksef.client.support.ExportStub.StoredInvoice;
import dev.ksefplatform.ksef.client.support.ExportStub.Window;
import dev.ksefplatform.ksef.client.support.KsefWireMock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalSyncTest extends KsefWireMock {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2025-09-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2025-09-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2025-09-01T11:00:00Z");
    static final Instant T3 = Instant.parse("2025-09-01T12:00:00Z");
    static final Instant HWM = Instant.parse("2025-09-01T13:00:00Z");
    static final Instant TODAY = Instant.parse("2025-09-02T08:00:00Z");

    @TempDir
    Path tempDirectory;

    @BeforeEach
    void givenKsefExportsPackages() {
        publishMfKeys();
        KsefInvoiceExportsTest.givenExportEndpoints();
    }

    @Test
    void continuesATruncatedWindowFromItsLastStorageDateAndSkipsTheInvoicesSeenTwice() throws Exception {
        ExportStub.window(T0, new Window(List.of(stored("A", T1), stored("B", T2), stored("C", T2)), true, T2, HWM, 4_000));
        ExportStub.window(T2, new Window(List.of(stored("B", T2), stored("C", T2), stored("D", T3)), false, T3, HWM, 4_000));
        List<String> received = new ArrayList<>();

        SyncResult result = sync().run("access-jwt", SubjectType.Subject2, SyncCheckpoint.startingAt(T0),
                (metadata, xml) -> received.add(metadata.ksefNumber() + "=" + new String(xml, StandardCharsets.UTF_8)));

        assertThat(received).containsExactly(entry("A"), entry("B"), entry("C"), entry("D"));
        assertThat(result.windows()).isEqualTo(2);
        assertThat(result.delivered()).isEqualTo(4);
        assertThat(result.duplicatesSkipped()).isEqualTo(2);
        assertThat(result.next()).isEqualTo(new SyncCheckpoint(HWM, Set.of()));
        assertThat(requestedFroms()).containsExactly(T0.toString(), T2.toString());
    }

    @Test
    void aRunStoppedByMaxWindowsAfterATruncatedWindowSaysThereIsMore() throws Exception {
        ExportStub.window(T0, new Window(List.of(stored("A", T1), stored("B", T2)), true, T2, HWM, 4_000));
        KsefClient client = clientBuilder().tempDirectory(tempDirectory).build();
        IncrementalSync oneWindow = new IncrementalSync(client.invoiceExports(), Duration.ofSeconds(5), 1,
                Clock.fixed(TODAY, ZoneOffset.UTC));

        SyncResult result = oneWindow.run("access-jwt", SubjectType.Subject2, SyncCheckpoint.startingAt(T0),
                (metadata, xml) -> { });

        assertThat(result.more()).isTrue();
        assertThat(result.next()).isEqualTo(new SyncCheckpoint(T2, Set.of(ksefNumber("B"))));
    }

    @Test
    void skipsInvoicesAlreadyReceivedAtTheCheckpointInTheNextRun() throws Exception {
        ExportStub.window(HWM, new Window(List.of(stored("E", HWM)), false, HWM, HWM, 4_000));
        List<String> received = new ArrayList<>();

        SyncResult first = sync().run("access-jwt", SubjectType.Subject1, SyncCheckpoint.startingAt(HWM),
                (metadata, xml) -> received.add(metadata.ksefNumber()));
        SyncResult second = sync().run("access-jwt", SubjectType.Subject1, first.next(),
                (metadata, xml) -> received.add(metadata.ksefNumber()));

        assertThat(received).containsExactly(ksefNumber("E"));
        assertThat(first.next()).isEqualTo(new SyncCheckpoint(HWM, Set.of(ksefNumber("E"))));
        assertThat(second.duplicatesSkipped()).isEqualTo(1);
        assertThat(second.next()).isEqualTo(first.next());
    }

    @Test
    void aWindowThatKsefEndsWithStatus420MeansNothingNewYetAndKeepsTheCheckpoint() throws Exception {
        ExportStub.window(HWM, new Window(List.of(), false, null, HWM, 4_000));
        KSEF.stubFor(get(urlPathMatching("/v2/invoices/exports/.*")).atPriority(1).willReturn(json(200, """
                {"status":{"code":420,"description":"Zakres filtrowania wykracza poza dostępny zakres danych"}}""")));
        SyncCheckpoint checkpoint = new SyncCheckpoint(HWM, Set.of(ksefNumber("E")));
        List<String> received = new ArrayList<>();

        SyncResult result = sync().run("access-jwt", SubjectType.Subject2, checkpoint,
                (metadata, xml) -> received.add(metadata.ksefNumber()));

        assertThat(received).isEmpty();
        assertThat(result).isEqualTo(new SyncResult(checkpoint, 1, 0, 0));
        assertThat(requestedFroms()).containsExactly(HWM.toString());
    }

    @Test
    void catchesUpAnOldCheckpointInWindowsOfThreeMonths() throws Exception {
        Instant start = Instant.parse("2025-01-15T00:00:00Z");
        Instant april = Instant.parse("2025-04-15T00:00:00Z");
        Instant july = Instant.parse("2025-07-15T00:00:00Z");
        ExportStub.window(start, new Window(List.of(stored("F", Instant.parse("2025-02-01T00:00:00Z"))), false, null, HWM, 4_000));
        ExportStub.window(april, new Window(List.of(), false, null, HWM, 4_000));
        ExportStub.window(july, new Window(List.of(stored("G", T1)), false, null, HWM, 4_000));
        List<String> received = new ArrayList<>();

        SyncResult result = sync().run("access-jwt", SubjectType.Subject2, SyncCheckpoint.startingAt(start),
                (metadata, xml) -> received.add(metadata.ksefNumber()));

        assertThat(received).containsExactly(ksefNumber("F"), ksefNumber("G"));
        assertThat(requestedRanges()).containsExactly(start + ".." + april, april + ".." + july, july + "..");
        assertThat(result.next().from()).isEqualTo(HWM);
    }

    private IncrementalSync sync() {
        KsefClient client = clientBuilder().tempDirectory(tempDirectory).build();
        return new IncrementalSync(client.invoiceExports(), Duration.ofSeconds(5), 10, Clock.fixed(TODAY, ZoneOffset.UTC));
    }

    private static List<String> requestedFroms() throws Exception {
        return requestedRanges().stream().map(r -> r.substring(0, r.indexOf(".."))).toList();
    }

    private static List<String> requestedRanges() throws Exception {
        List<String> ranges = new ArrayList<>();
        for (var request : KSEF.findAll(postRequestedFor(urlEqualTo("/v2/invoices/exports")))) {
            JsonNode range = JSON.readTree(request.getBodyAsString()).at("/filters/dateRange");
            ranges.add(Instant.parse(range.get("from").asText()) + ".."
                    + (range.has("to") ? Instant.parse(range.get("to").asText()).toString() : ""));
        }
        return ranges;
    }

    private static StoredInvoice stored(String name, Instant storedAt) {
        return new StoredInvoice(ksefNumber(name), storedAt, ("<Faktura>" + name + "</Faktura>").getBytes(StandardCharsets.UTF_8));
    }

    private static String entry(String name) {
        return ksefNumber(name) + "=<Faktura>" + name + "</Faktura>";
    }

    private static String ksefNumber(String name) {
        return "5265877635-20250901-0100A0B1C2D" + name + "-4F";
    }
}
