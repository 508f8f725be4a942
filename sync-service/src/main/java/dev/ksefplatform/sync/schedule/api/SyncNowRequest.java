package dev.ksefplatform.sync.schedule.api;

/** Body of "sync now": the subject type (default Subject2) and who asked (the tenant's API key id or user), for the audit. */
public record SyncNowRequest(String subjectType, String requestedBy) {

    static final int MAX_REQUESTED_BY = 128;
    static final String DEFAULT_SUBJECT = "Subject2";
    static final String DEFAULT_REQUESTER = "command-api";

    String subjectOrDefault() {
        return subjectType == null ? DEFAULT_SUBJECT : subjectType;
    }

    String requesterOrDefault() {
        if (requestedBy != null && (requestedBy.isBlank() || requestedBy.length() > MAX_REQUESTED_BY)) {
            throw new IllegalArgumentException("requestedBy must be 1 to " + MAX_REQUESTED_BY + " characters");
        }
        return requestedBy == null ? DEFAULT_REQUESTER : requestedBy;
    }
}
