package dev.ksefplatform.systemtests.ksef;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.IncrementalSync;
import dev.ksefplatform.ksef.client.InvoiceMetadata;
import dev.ksefplatform.ksef.client.InvoiceQuery.SubjectType;
import dev.ksefplatform.ksef.client.InvoiceSink;
import dev.ksefplatform.ksef.client.KsefClient;
import dev.ksefplatform.ksef.client.SyncCheckpoint;
import dev.ksefplatform.ksef.client.SyncResult;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A large inbox seeded in the simulator, received through the real client's incremental sync over exports, every
 * exchange checked against the spec: each invoice arrives once with its own XML, across windows cut by the 10,000
 * cap, and invoices that keep arriving during the sync are picked up by later windows, again once each.
 */
class LargeInboxIT {

    private static final int INVOICES = 25_000;
    private static final Duration EXPORT = Duration.ofMinutes(2);

    @RegisterExtension
    static final KsefContractFixture KSEF = KsefContractFixture.withoutRateLimits();
    private final RunningSimulator simulator = KSEF.simulator();
    private final KsefClient ksef = KSEF.client();

    @Test
    void aSyncOfALargeInboxDeliversEveryInvoiceOnceAcrossTruncatedWindows() {
        String buyer = TestNips.random();
        String access = login(buyer);
        Instant start = Instant.now().minus(Duration.ofHours(3));
        simulator.seedInbox(Map.of("buyerNip", buyer, "count", INVOICES,
                "from", Instant.now().minus(Duration.ofHours(2)).toString(), "to", Instant.now().minusSeconds(1).toString()));
        Received received = new Received();

        SyncResult result = new IncrementalSync(ksef.invoiceExports(), EXPORT, 10)
                .run(access, SubjectType.Subject2, SyncCheckpoint.startingAt(start), received);

        System.out.printf("FIGURE large inbox: %d invoices in %d export windows%n", result.delivered(), result.windows());
        assertThat(received.numbers).hasSize(INVOICES);
        assertThat(received.repeated).as("delivered twice").isEmpty();
        assertThat(received.badXml).as("XML not matching its metadata hash").isZero();
        assertThat(result.windows()).as("10,000 per export at most").isGreaterThanOrEqualTo(3);
        assertThat(result.delivered()).isEqualTo(INVOICES);
    }

    @Test
    void invoicesThatKeepArrivingDuringTheSyncAreEachDeliveredOnce() {
        String buyer = TestNips.random();
        String access = login(buyer);
        SyncCheckpoint checkpoint = SyncCheckpoint.startingAt(Instant.now().minusSeconds(60));
        JsonNode trickle = simulator.seedInbox(Map.of("buyerNip", buyer, "count", 600, "ratePerSecond", 150));
        Instant last = Instant.parse(trickle.path("lastPermanentStorageDate").asText());
        IncrementalSync sync = ksef.incrementalSync(EXPORT, 5);
        Received received = new Received();
        int runs = 0;

        while (received.numbers.size() < 600) {
            assertThat(Instant.now()).as("all arrived within a minute of the last one").isBefore(last.plusSeconds(60));
            checkpoint = sync.run(access, SubjectType.Subject2, checkpoint, received).next();
            runs++;
        }

        System.out.printf("FIGURE trickle: 600 invoices over %d sync runs%n", runs);
        assertThat(runs).as("they arrived while the sync ran").isGreaterThan(1);
        assertThat(received.repeated).isEmpty();
        assertThat(received.badXml).isZero();
    }

    private String login(String nip) {
        String token = simulator.seedKsefToken(nip, "InvoiceRead").token();
        return ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip), token).accessToken().token();
    }

    /** What the sink saw, without keeping the documents: numbers, repeats, and XML that does not match its hash. */
    private static final class Received implements InvoiceSink {
        final Set<String> numbers = new HashSet<>();
        final List<String> repeated = new ArrayList<>();
        int badXml;

        @Override
        public void accept(InvoiceMetadata metadata, byte[] xml) {
            if (!numbers.add(metadata.ksefNumber())) {
                repeated.add(metadata.ksefNumber());
            }
            if (xml == null || !sha256(xml).equals(metadata.invoiceHash())) {
                badXml++;
            }
        }

        private static String sha256(byte[] bytes) {
            try {
                return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
