package dev.ksefplatform.sync.submission.domain;

import java.time.Instant;

/** A submission as listed: the row and when the read model first recorded it (the listing's order). */
public record ListedSubmission(Submission submission, Instant createdAt) {
}
