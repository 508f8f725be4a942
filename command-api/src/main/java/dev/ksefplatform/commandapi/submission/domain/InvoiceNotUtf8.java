package dev.ksefplatform.commandapi.submission.domain;

/** KSeF accepts UTF-8 without a byte order mark only. */
public final class InvoiceNotUtf8 extends InvoiceRefused {

    public InvoiceNotUtf8(String message) {
        super(message);
    }
}
