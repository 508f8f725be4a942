package dev.ksefplatform.console.inbox.fa3;

/** The document cannot be rendered as an FA(3) invoice; the page then shows its raw XML alone. */
public final class UnreadableInvoice extends RuntimeException {

    public UnreadableInvoice(String message, Throwable cause) {
        super(message, cause);
    }
}
