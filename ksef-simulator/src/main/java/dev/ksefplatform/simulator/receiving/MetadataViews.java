package dev.ksefplatform.simulator.receiving;

import dev.ksefplatform.simulator.invoice.AcceptedInvoice;
import dev.ksefplatform.simulator.invoice.InvoiceDetails;
import java.math.BigDecimal;
import java.time.Instant;

/** The spec's InvoiceMetadata. */
final class MetadataViews {

    private static final FormCode FA3 = new FormCode("FA (3)", "1-0E", "FA");

    private MetadataViews() {
    }

    record FormCode(String systemCode, String schemaVersion, String value) {
    }

    record Seller(String nip, String name) {
    }

    record BuyerIdentifier(String type, String value) {
    }

    record Buyer(BuyerIdentifier identifier, String name) {
    }

    record InvoiceMetadata(String ksefNumber, String invoiceNumber, String issueDate, Instant invoicingDate,
                           Instant acquisitionDate, Instant permanentStorageDate, Seller seller, Buyer buyer,
                           BigDecimal netAmount, BigDecimal grossAmount, BigDecimal vatAmount, String currency,
                           String invoicingMode, String invoiceType, FormCode formCode, boolean isSelfInvoicing,
                           boolean hasAttachment, String invoiceHash) {
    }

    static InvoiceMetadata of(AcceptedInvoice i) {
        InvoiceDetails d = i.details();
        return new InvoiceMetadata(i.ksefNumber(), i.invoiceNumber(), i.issueDate(), i.invoicingDate(),
                i.acquisitionDate(), i.permanentStorageDate(), new Seller(i.sellerNip(), d.sellerName()),
                new Buyer(new BuyerIdentifier(d.buyerType(), d.buyerValue()), d.buyerName()), d.netAmount(),
                d.grossAmount(), d.vatAmount(), d.currency(), i.invoicingMode(), d.invoiceType(), FA3, false, false,
                i.invoiceHash());
    }
}
