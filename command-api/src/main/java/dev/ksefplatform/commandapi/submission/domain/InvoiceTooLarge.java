package dev.ksefplatform.commandapi.submission.domain;

public final class InvoiceTooLarge extends InvoiceRefused {

    public InvoiceTooLarge(long maxBytes) {
        super("the invoice exceeds " + maxBytes + " bytes");
    }
}
