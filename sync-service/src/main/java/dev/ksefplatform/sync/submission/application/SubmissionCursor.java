package dev.ksefplatform.sync.submission.application;

import dev.ksefplatform.sync.submission.domain.Submission;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a submissions page ends: the last row's ({@code createdAt}, command id), bound to the tenant it was issued
 * for. Opaque to callers (Base64url); a cursor of another tenant matches nothing, whatever it says.
 */
public record SubmissionCursor(String tenantId, Instant createdAt, String commandId) {

    private static final String VERSION = "s1";
    private static final int MAX_LENGTH = 512;

    public static SubmissionCursor after(Submission last) {
        return new SubmissionCursor(last.tenantId(), last.createdAt(), last.commandId());
    }

    public String encode() {
        String plain = String.join("\n", VERSION, tenantId, createdAt.toString(), commandId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service issued */
    public static SubmissionCursor decode(String cursor) {
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown cursor format");
            }
            return new SubmissionCursor(parts[1], Instant.parse(parts[2]), parts[3]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor is not one this service issued", e);
        }
    }
}
