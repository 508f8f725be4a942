package dev.ksefplatform.commandapi.deadletter.api;

import dev.ksefplatform.commandapi.deadletter.application.InvalidRedriveRequest;
import java.util.regex.Pattern;

/** {@code {"operator", "note"?}}: who re-drives (recorded in {@code CommandRedriven} and the audit log) and why. */
record RedriveBody(String operator, String note) {

    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    static final int MAX_NOTE = 500;

    RedriveBody checked() {
        if (operator == null || !OPERATOR.matcher(operator).matches()) {
            throw new InvalidRedriveRequest("operator is required: 1-100 of A-Z a-z 0-9 . _ @ -");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidRedriveRequest("note is at most " + MAX_NOTE + " characters");
        }
        return new RedriveBody(operator, note == null || note.isBlank() ? null : note.strip());
    }
}
