package dev.ksefplatform.ksef.client;

import java.util.List;
import java.util.Optional;

/**
 * A downloaded, decrypted export package, kept as a ZIP in a temporary file until {@link #close()}. The metadata of
 * every invoice ({@code _metadata.json}) is in memory; the XML files are read from the ZIP one at a time.
 */
public interface ExportPackage extends AutoCloseable {

    ExportStatus status();

    List<InvoiceMetadata> metadata();

    /** The XML of {@code {ksefNumber}.xml}, empty if the package has no such file (e.g. metadata-only). */
    Optional<byte[]> invoiceXml(String ksefNumber);

    /** Every invoice of {@code _metadata.json} in order, with its XML (null when the package holds none). */
    void forEachInvoice(InvoiceSink sink);

    /** Deletes the temporary file. */
    @Override
    void close();
}
