package dev.ksefplatform.ksef.client;

import java.time.Duration;

/** Asynchronous invoice exports ({@code /invoices/exports}): the bulk way to receive invoices. */
public interface KsefInvoiceExports {

    /** {@code POST /invoices/exports} with a fresh AES key wrapped for the SymmetricKeyEncryption key; ZIP packages. */
    InvoiceExport start(String accessToken, InvoiceQuery query, boolean onlyMetadata);

    ExportStatus status(String accessToken, InvoiceExport export);

    /**
     * Polls while the export is in progress.
     *
     * @throws dev.ksefplatform.ksef.client.error.KsefExportFailedException if the final status is not 200, or it is
     *         still 100 after {@code timeout}
     */
    ExportStatus awaitCompleted(String accessToken, InvoiceExport export, Duration timeout);

    /**
     * Downloads every part from its pre-signed URL (no token), checks sizes and hashes, decrypts and concatenates
     * them into a temporary ZIP, and reads {@code _metadata.json}. Close the package to delete the file.
     */
    ExportPackage download(InvoiceExport export, ExportStatus completed);

    /** {@link #start}, {@link #awaitCompleted} and {@link #download} in one call. */
    default ExportPackage export(String accessToken, InvoiceQuery query, boolean onlyMetadata, Duration timeout) {
        InvoiceExport export = start(accessToken, query, onlyMetadata);
        return download(export, awaitCompleted(accessToken, export, timeout));
    }
}
