package dev.ksefplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.simulator.support.ClientCrypto;
import dev.ksefplatform.simulator.support.Invoices;
import dev.ksefplatform.simulator.support.KsefTestClient;
import dev.ksefplatform.simulator.support.KsefTestClient.Reply;
import dev.ksefplatform.simulator.support.RunningSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * {@code POST /sim/v1/inbox/seed}: seeded invoices are seen by metadata queries, downloads and exports as invoices
 * from sessions are, once their storage date has passed; seeding never goes below an HWM already shown.
 */
class InboxSeedIT {

    private static final KsefTestClient KSEF = RunningSimulator.client();

    @Test
    void seededInvoicesAreQueriedDownloadedAndExportedLikeSentOnes() throws Exception {
        String buyer = Invoices.randomNip();
        String access = KSEF.login(KSEF.seedToken(buyer, List.of("InvoiceRead")), buyer).accessToken();
        Instant from = Instant.now().minus(Duration.ofHours(1));

        Reply seeded = seed(Map.of("buyerNip", buyer, "count", 12_000, "from", from.toString(),
                "to", Instant.now().minusSeconds(1).toString()));
        Reply page = query(access, from, 0, 250);
        JsonNode first = page.json().at("/invoices/0");
        Reply document = KSEF.call(HttpMethod.GET, "/v2/invoices/ksef/" + first.get("ksefNumber").asText(), access, null);
        JsonNode export = export(access, from);

        assertThat(seeded.status()).as(seeded.body()).isEqualTo(201);
        assertThat(seeded.json().get("sellerNips")).hasSize(50);
        assertThat(page.json().get("invoices")).hasSize(250);
        assertThat(page.json().get("hasMore").asBoolean()).isTrue();
        assertThat(first.at("/buyer/identifier/value").asText()).isEqualTo(buyer);
        assertThat(ClientCrypto.sha256(document.body().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(first.get("invoiceHash").asText());
        assertThat(export.at("/status/code").asInt()).isEqualTo(200);
        assertThat(export.at("/package/invoiceCount").asInt()).isEqualTo(10_000);
        assertThat(export.at("/package/isTruncated").asBoolean()).as("12,000 in one window: the cap bites").isTrue();
        assertThat(Instant.parse(export.at("/package/lastPermanentStorageDate").asText())).isBefore(Instant.now());
    }

    @Test
    void aRateMakesInvoicesArriveOverTimeAndNoSeedGoesBelowAnHwmAlreadyShown() throws Exception {
        String buyer = Invoices.randomNip();
        String access = KSEF.login(KSEF.seedToken(buyer, List.of("InvoiceRead")), buyer).accessToken();
        Instant from = Instant.now().minus(Duration.ofMinutes(5));

        Instant asked = Instant.now();
        Reply trickle = seed(Map.of("buyerNip", buyer, "count", 20, "ratePerSecond", 10));
        Instant first = Instant.parse(trickle.json().get("firstPermanentStorageDate").asText());
        Instant last = Instant.parse(trickle.json().get("lastPermanentStorageDate").asText());
        Reply early = query(access, from, 0, 100);
        Instant hwm = Instant.parse(early.json().get("permanentStorageHwmDate").asText());
        KsefTestClient.await(Instant::now, now -> now.isAfter(last.plusMillis(5)));
        Reply later = query(access, from, 0, 100);
        Reply belowHwm = seed(Map.of("buyerNip", buyer, "count", 1, "from", from.toString()));

        assertThat(first).isAfter(asked);
        assertThat(Duration.between(first, last)).isEqualTo(Duration.ofMillis(1_900));
        long storedByThen = IntStream.range(0, 20)
                .filter(i -> !first.plusMillis(100L * i).isAfter(hwm)).count();
        assertThat(early.json().get("invoices")).as("those stored by the HWM shown, no more").hasSize((int) storedByThen);
        assertThat(later.json().get("invoices")).hasSize(20);
        assertThat(belowHwm.status()).isEqualTo(400);
        assertThat(belowHwm.json().get("detail").asText()).contains("HWM");
    }

    @Test
    void rejectsMoreThanAHundredThousand() {
        assertThat(seed(Map.of("buyerNip", "5265877635", "count", 100_001)).status()).isEqualTo(400);
    }

    private static Reply seed(Map<String, Object> request) {
        return KSEF.call(HttpMethod.POST, "/sim/v1/inbox/seed", null, request);
    }

    private static Reply query(String access, Instant from, int pageOffset, int pageSize) {
        return KSEF.call(HttpMethod.POST, "/v2/invoices/query/metadata?pageSize=" + pageSize + "&pageOffset=" + pageOffset,
                access, Map.of("subjectType", "Subject2", "dateRange", Map.of("dateType", "PermanentStorage",
                        "from", from.toString(), "restrictToPermanentStorageHwmDate", true)));
    }

    private static JsonNode export(String access, Instant from) throws Exception {
        Map<String, Object> request = Map.of(
                "encryption", Map.of("encryptedSymmetricKey", ClientCrypto.b64(ClientCrypto.rsaOaep(
                                KSEF.publicKey("SymmetricKeyEncryption"), ClientCrypto.random(32))),
                        "initializationVector", ClientCrypto.b64(ClientCrypto.random(16))),
                "onlyMetadata", true,
                "filters", Map.of("subjectType", "Subject2", "dateRange", Map.of("dateType", "PermanentStorage",
                        "from", from.toString(), "restrictToPermanentStorageHwmDate", true)));
        String path = "/v2/invoices/exports/" + KSEF.call(HttpMethod.POST, "/v2/invoices/exports", access, request)
                .json().get("referenceNumber").asText();
        return KsefTestClient.await(() -> KSEF.call(HttpMethod.GET, path, access, null).json(),
                s -> s.at("/status/code").asInt() >= 200, Duration.ofMillis(120));
    }
}
