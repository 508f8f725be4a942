package dev.ksefplatform.sync.inbox.domain;

/** Whether the tenant issued the document (Subject1: it is the seller) or received it (every other subject type). */
public enum Direction {
    INCOMING, OUTGOING;

    public static final String SELLER_SUBJECT = "Subject1";

    public static Direction of(String subjectType) {
        return SELLER_SUBJECT.equals(subjectType) ? OUTGOING : INCOMING;
    }
}
