package dev.ksefplatform.systemtests.ksef;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.ksef.client.BatchInvoice;
import dev.ksefplatform.ksef.client.BatchSubmission;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.FormCode;
import dev.ksefplatform.ksef.client.InvoiceStatus;
import dev.ksefplatform.ksef.client.KsefClient;
import dev.ksefplatform.ksef.client.SessionInvoice;
import dev.ksefplatform.ksef.client.SessionStatus;
import dev.ksefplatform.ksef.id.KsefNumber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A batch session of 2,000 invoices, zipped, split, encrypted and uploaded by the client, processed by the simulator. */
class BatchSessionIT {

    private static final int INVOICES = 2_000;
    /** Small parts, so that even a well-compressed archive of 2,000 invoices needs several. */
    private static final long PART_SIZE = 200_000;
    private static final Duration PROCESSING = Duration.ofMinutes(4);

    @RegisterExtension
    static final KsefContractFixture KSEF = KsefContractFixture.withoutRateLimits()
            .clientOptions(options -> options.batchPartSize(PART_SIZE));
    private final RunningSimulator simulator = KSEF.simulator();
    private final ContractLog contract = KSEF.contract();
    private final KsefClient ksef = KSEF.client();

    @Test
    void twoThousandInvoicesInSeveralPartsAreEachAcceptedOnceWithAValidKsefNumber() {
        String nip = TestNips.random();
        String token = simulator.seedKsefToken(nip, "InvoiceWrite", "InvoiceRead").token();
        String access = ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip), token).accessToken().token();
        List<BatchInvoice> invoices = new ArrayList<>();
        for (int i = 1; i <= INVOICES; i++) {
            invoices.add(BatchInvoice.of("fv-" + i + ".xml", OnlineSessionIT.invoice(nip, "FV/B/" + i)));
        }

        BatchSubmission submission = ksef.batchSessions().submit(access, FormCode.FA3, invoices);
        SessionStatus processed = ksef.batchSessions().awaitProcessed(access, submission.referenceNumber(), PROCESSING);

        System.out.printf("FIGURE batch: %d invoices, archive %d B, %d parts%n", INVOICES, submission.archiveSize(),
                submission.partCount());
        assertThat(submission.partCount()).isGreaterThanOrEqualTo(3);
        assertThat(contract.exchanges()).filteredOn(e -> e.method().equals("PUT"))
                .as("part uploads: straight to storage, without the access token")
                .hasSize(submission.partCount())
                .allMatch(e -> e.status() == 201)
                .allMatch(e -> !e.isApiCall())
                .allMatch(e -> e.requestHeaders().keySet().stream().noneMatch("Authorization"::equalsIgnoreCase));
        assertThat(processed.code()).as(processed.description()).isEqualTo(200);
        assertThat(processed.invoiceCount()).isEqualTo(INVOICES);
        assertThat(processed.successfulInvoiceCount()).isEqualTo(INVOICES);

        List<SessionInvoice> results = ksef.batchSessions().invoices(access, submission.referenceNumber());
        assertThat(results).hasSize(INVOICES);
        assertThat(results).extracting(r -> r.status().code()).containsOnly(InvoiceStatus.SUCCESS);
        assertThat(results).extracting(SessionInvoice::invoiceHash)
                .containsExactlyInAnyOrderElementsOf(submission.invoiceHashes().values());
        List<String> ksefNumbers = results.stream().map(r -> r.status().ksefNumber()).toList();
        assertThat(ksefNumbers).doesNotHaveDuplicates().allMatch(KsefNumber::isValid);
        assertThat(simulator.acceptedInvoices(nip)).extracting(i -> i.path("ksefNumber").asText())
                .containsExactlyInAnyOrderElementsOf(ksefNumbers);
        JsonNode stats = simulator.stats(nip);
        assertThat(stats.path("tooManyRequests").asInt()).isZero();
        assertThat(stats.path("invoicesReceived").asInt()).as("each invoice reached KSeF once").isEqualTo(INVOICES);
        assertThat(stats.path("receivedMoreThanOnce").size()).isZero();
        assertThat(stats.path("receivedByHash").size()).isEqualTo(INVOICES);
    }
}
