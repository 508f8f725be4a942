package dev.ksefplatform.commandapi.submission.domain;

import dev.ksefplatform.ksef.xml.Fa3Schema;
import dev.ksefplatform.ksef.xml.InvoiceFacts;
import java.util.List;

/** The gateway's checks of an invoice, in the order a tenant should fix them. CPU-bound: keep off event loops. */
public final class InvoiceInspection {

    private final Fa3Schema schema;

    public InvoiceInspection(Fa3Schema schema) {
        this.schema = schema;
    }

    /** The checked document, or an {@link InvoiceRefused} saying why not. */
    public InvoiceDocument inspect(byte[] xml, String tenantNip) {
        Utf8.requireUtf8WithoutBom(xml);
        List<Violation> violations = schema.validate(xml).stream()
                .map(v -> new Violation(v.line(), v.column(), v.message()))
                .toList();
        if (!violations.isEmpty()) {
            throw new InvoiceInvalid(violations);
        }
        InvoiceFacts facts = InvoiceFacts.read(xml);
        if (!tenantNip.equals(facts.sellerNip())) {
            throw new SellerNotTenant(facts.sellerNip());
        }
        return new InvoiceDocument(xml, Sha256.base64(xml), facts.invoiceNumber(), facts.sellerNip());
    }
}
