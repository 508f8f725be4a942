package dev.ksefplatform.ksef.client;

/** Searches invoice metadata ({@code POST /invoices/query/metadata}). */
public interface KsefInvoiceQueries {

    /** One page; {@code pageSize} is 10 to 250, {@code pageOffset} counts pages from 0. */
    InvoiceMetadataPage metadata(String accessToken, InvoiceQuery query, int pageOffset, int pageSize);
}
