package dev.ksefplatform.commandapi.inbox.application;

/** Unknown, malformed, or another tenant's KSeF number: indistinguishable on purpose, down to the message. */
public final class InboxInvoiceNotFound extends RuntimeException {

    public InboxInvoiceNotFound() {
        super("no such invoice in the inbox");
    }
}
