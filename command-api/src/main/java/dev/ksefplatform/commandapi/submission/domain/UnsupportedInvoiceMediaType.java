package dev.ksefplatform.commandapi.submission.domain;

public final class UnsupportedInvoiceMediaType extends InvoiceRefused {

    public UnsupportedInvoiceMediaType(String contentType) {
        super("content type " + contentType + " is not accepted; send application/xml or text/xml in UTF-8");
    }
}
