package dev.ksefplatform.worker.submission.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmissionOutcomesTest {

    private static final Instant ACQUIRED = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void acceptedStatusCarriesTheKsefNumberAndSessionReferences() {
        FinalInvoiceStatus status = status(200, "Sukces", Map.of(), "5265877635-20261122-0123456789AB-CD");

        SubmissionOutcome outcome = SubmissionOutcomes.of(status, "FV/1");

        assertThat(outcome).isEqualTo(new SubmissionOutcome.Accepted("5265877635-20261122-0123456789AB-CD", "FV/1",
                "hash", "session-1", "invoice-1", ACQUIRED, "https://upo"));
    }

    @Test
    void duplicateStatusPointsAtTheOriginalInvoice() {
        FinalInvoiceStatus status = status(440, "Duplikat faktury",
                Map.of("originalKsefNumber", "ORIGINAL", "originalSessionReferenceNumber", "session-0"), null);

        SubmissionOutcome outcome = SubmissionOutcomes.of(status, "FV/1");

        assertThat(outcome).isEqualTo(
                new SubmissionOutcome.Duplicate("ORIGINAL", "session-0", "FV/1", "session-1", "invoice-1"));
    }

    @Test
    void duplicateWithoutTheOriginalNumberIsRecordedAsRejection() {
        SubmissionOutcome outcome = SubmissionOutcomes.of(status(440, "Duplikat faktury", Map.of(), null), "FV/1");

        assertThat(outcome).isInstanceOf(SubmissionOutcome.Rejected.class)
                .extracting(o -> ((SubmissionOutcome.Rejected) o).ksefStatusCode()).isEqualTo(440);
    }

    @Test
    void otherFinalCodesAreRejectionsWithKsefDetails() {
        SubmissionOutcome outcome = SubmissionOutcomes.of(status(430, "Błąd weryfikacji pliku faktury", Map.of(),
                null), "FV/1");

        assertThat(outcome).isEqualTo(new SubmissionOutcome.Rejected(430, "Błąd weryfikacji pliku faktury",
                List.of("element P_2 missing"), "FV/1", "session-1", "invoice-1"));
    }

    @Test
    void invoiceNumberFromKsefWinsOverTheCommands() {
        FinalInvoiceStatus status = new FinalInvoiceStatus("s", "i", "h", 410, null, null, null, null, "FV/KSEF",
                null, null);

        SubmissionOutcome.Rejected outcome = (SubmissionOutcome.Rejected) SubmissionOutcomes.of(status, "FV/1");

        assertThat(outcome.invoiceNumber()).isEqualTo("FV/KSEF");
        assertThat(outcome.description()).isEqualTo("KSeF status 410");
    }

    private static FinalInvoiceStatus status(int code, String description, Map<String, String> extensions,
                                             String ksefNumber) {
        List<String> details = code == 430 ? List.of("element P_2 missing") : List.of();
        return new FinalInvoiceStatus("session-1", "invoice-1", "hash", code, description, details, extensions,
                ksefNumber, null, ACQUIRED, "https://upo");
    }
}
