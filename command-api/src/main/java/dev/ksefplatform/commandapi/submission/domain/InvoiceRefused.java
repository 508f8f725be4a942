package dev.ksefplatform.commandapi.submission.domain;

/** Why the gateway refuses an invoice before anything is recorded or published. */
public abstract sealed class InvoiceRefused extends RuntimeException
        permits InvoiceNotUtf8, InvoiceInvalid, InvoiceOverLimit, SellerNotTenant, InvoiceTooLarge,
        UnsupportedInvoiceMediaType {

    protected InvoiceRefused(String message) {
        super(message);
    }
}
