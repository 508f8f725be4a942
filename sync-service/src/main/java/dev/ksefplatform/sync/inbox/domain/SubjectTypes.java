package dev.ksefplatform.sync.inbox.domain;

import java.util.List;

/** KSeF's subject types: the tenant as seller, buyer, third party, or authorised entity. */
public final class SubjectTypes {

    public static final List<String> ALL = List.of("Subject1", "Subject2", "Subject3", "SubjectAuthorized");

    private SubjectTypes() {
    }

    public static String require(String subjectType) {
        if (!ALL.contains(subjectType)) {
            throw new IllegalArgumentException("subjectType must be one of " + ALL);
        }
        return subjectType;
    }
}
