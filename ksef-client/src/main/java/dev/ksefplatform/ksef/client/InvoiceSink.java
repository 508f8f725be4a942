package dev.ksefplatform.ksef.client;

/** Receives downloaded invoices one by one; {@code xml} is null for metadata-only exports. */
@FunctionalInterface
public interface InvoiceSink {

    void accept(InvoiceMetadata metadata, byte[] xml);
}
