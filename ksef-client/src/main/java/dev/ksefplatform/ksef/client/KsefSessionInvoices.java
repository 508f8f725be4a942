package dev.ksefplatform.ksef.client;

import java.util.List;

/** Invoices of a session, page by page, and their UPOs. */
public interface KsefSessionInvoices {

    /** One page of {@code GET /sessions/{ref}/invoices}; pass {@code null} for the first page. */
    SessionInvoicePage page(String accessToken, String sessionReferenceNumber, String continuationToken);

    /** One page of {@code GET /sessions/{ref}/invoices/failed}; pass {@code null} for the first page. */
    SessionInvoicePage failedPage(String accessToken, String sessionReferenceNumber, String continuationToken);

    /** Every page of {@code GET /sessions/{ref}/invoices/failed}. */
    List<SessionInvoice> failed(String accessToken, String sessionReferenceNumber);

    /** Every page of {@code GET /sessions/{ref}/invoices}. */
    List<SessionInvoice> all(String accessToken, String sessionReferenceNumber);

    /**
     * Downloads a UPO from a pre-signed {@code upoDownloadUrl} (no token is sent) and checks the {@code x-ms-meta-hash}
     * header against the bytes received; an answer without the header (the spec says storage sends it) is refused
     * like one whose bytes do not match ({@code KsefUnexpectedResponseException}).
     */
    byte[] downloadUpo(String downloadUrl);
}
