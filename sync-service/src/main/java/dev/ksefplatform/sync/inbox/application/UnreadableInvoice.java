package dev.ksefplatform.sync.inbox.application;

/** A document whose facts cannot be read; it is still stored as received, its inbox row says why facts are missing. */
public final class UnreadableInvoice extends RuntimeException {

    public UnreadableInvoice(String why, Throwable cause) {
        super(why, cause);
    }
}
