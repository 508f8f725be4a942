package dev.ksefplatform.sync.inbox.application;

/** The tenant's inbox holds no invoice of that KSeF number (another tenant's is not disclosed). */
public final class InboxInvoiceNotFound extends RuntimeException {

    public InboxInvoiceNotFound(String ksefNumber) {
        super("no received invoice " + ksefNumber);
    }
}
