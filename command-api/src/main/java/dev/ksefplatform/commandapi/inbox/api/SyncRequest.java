package dev.ksefplatform.commandapi.inbox.api;

import dev.ksefplatform.commandapi.web.InvalidQueryParameter;
import io.swagger.v3.oas.annotations.media.Schema;

/** The optional body of "sync now". */
record SyncRequest(@Schema(allowableValues = {"Subject1", "Subject2", "Subject3", "SubjectAuthorized"},
        defaultValue = "Subject2") String subjectType) {

    static final String DEFAULT_SUBJECT_TYPE = "Subject2";

    static String subjectType(SyncRequest request) {
        String subjectType = request == null || request.subjectType() == null ? DEFAULT_SUBJECT_TYPE : request.subjectType();
        if (!InboxListParameters.SUBJECT_TYPES.contains(subjectType)) {
            throw new InvalidQueryParameter("subjectType", "must be one of " + String.join(", ", InboxListParameters.SUBJECT_TYPES));
        }
        return subjectType;
    }
}
