package dev.ksefplatform.ksef.client;

/** Searches invoice metadata ({@code POST /invoices/query/metadata}) and downloads single invoices. */
public interface KsefInvoiceQueries {

    /** One page; {@code pageSize} is 10 to 250, {@code pageOffset} counts pages from 0. */
    InvoiceMetadataPage metadata(String accessToken, InvoiceQuery query, int pageOffset, int pageSize);

    /**
     * {@code GET /invoices/ksef/{ksefNumber}}: the invoice XML as stored, checked against {@code x-ms-meta-hash}. Meant
     * for single invoices (64/h); use exports for bulk. 400 / 21165 means "processed, not downloadable yet".
     */
    byte[] invoice(String accessToken, String ksefNumber);
}
