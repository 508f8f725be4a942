package dev.ksefplatform.sync.submission.application;

import dev.ksefplatform.sync.submission.domain.Submission;
import dev.ksefplatform.support.paging.KeysetCursor;
import java.time.Instant;

/**
 * Where a submissions page ends: the last row's ({@code createdAt}, command id), bound to the tenant it was issued
 * for. Opaque to callers (Base64url); a cursor of another tenant matches nothing, whatever it says.
 */
public record SubmissionCursor(String tenantId, Instant createdAt, String commandId) {

    private static final String KIND = "s1";

    public static SubmissionCursor after(Submission last) {
        return new SubmissionCursor(last.tenantId(), last.createdAt(), last.commandId());
    }

    public String encode() {
        return new KeysetCursor(KIND, tenantId, createdAt, commandId).encode();
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service issued */
    public static SubmissionCursor decode(String cursor) {
        KeysetCursor decoded = KeysetCursor.decode(KIND, cursor);
        return new SubmissionCursor(decoded.tenantId(), decoded.at(), decoded.id());
    }
}
