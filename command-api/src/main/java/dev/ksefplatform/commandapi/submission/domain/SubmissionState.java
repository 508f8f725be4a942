package dev.ksefplatform.commandapi.submission.domain;

/** Where a submitted invoice stands, as tenants see it. */
public enum SubmissionState {
    PENDING,
    ACCEPTED,
    REJECTED,
    DUPLICATE,
    FAILED
}
