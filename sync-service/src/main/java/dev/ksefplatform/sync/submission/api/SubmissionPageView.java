package dev.ksefplatform.sync.submission.api;

import dev.ksefplatform.sync.submission.application.SubmissionListQuery.SubmissionPage;
import dev.ksefplatform.sync.submission.domain.Submission;
import java.time.Instant;
import java.util.List;

/** A page of the submissions list; {@code nextCursor} is null on the last page. */
public record SubmissionPageView(List<Item> items, String nextCursor) {

    static SubmissionPageView of(SubmissionPage page) {
        return new SubmissionPageView(page.items().stream().map(Item::of).toList(), page.nextCursor());
    }

    /** The fields of {@link SubmissionView} (without {@code waiting}, which needs a look-up per row) and createdAt. */
    public record Item(String commandId, String status, String ksefNumber, Integer ksefStatusCode, String invoiceNumber,
                       String description, String sessionReferenceNumber, String invoiceReferenceNumber,
                       Instant createdAt, Instant updatedAt) {

        static Item of(Submission s) {
            return new Item(s.commandId(), s.status().name(), s.ksefNumber(), s.ksefStatusCode(), s.invoiceNumber(),
                    s.description(), s.sessionReferenceNumber(), s.invoiceReferenceNumber(), s.createdAt(),
                    s.updatedAt());
        }
    }
}
