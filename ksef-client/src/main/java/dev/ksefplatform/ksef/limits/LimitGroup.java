package dev.ksefplatform.ksef.limits;

import java.util.Arrays;
import java.util.Optional;

/**
 * KSeF's rate-limit groups, counted per (context, client IP) in sliding windows, with the official values (brief §12,
 * TE = PRD) as defaults until {@code GET /rate-limits} says otherwise. {@link #AUTH} stands for the auth-flow and
 * public endpoints, limited per IP only.
 */
public enum LimitGroup {
    ONLINE_SESSION("onlineSession", new Limit(10, 30, 120)),
    INVOICE_SEND("invoiceSend", new Limit(10, 30, 180)),
    BATCH_SESSION("batchSession", new Limit(10, 20, 60)),
    INVOICE_STATUS("invoiceStatus", new Limit(30, 120, 1200)),
    SESSION_LIST("sessionList", new Limit(5, 10, 60)),
    SESSION_INVOICE_LIST("sessionInvoiceList", new Limit(10, 20, 200)),
    SESSION_MISC("sessionMisc", new Limit(10, 120, 1200)),
    INVOICE_METADATA("invoiceMetadata", new Limit(8, 16, 20)),
    INVOICE_EXPORT("invoiceExport", new Limit(8, 16, 20)),
    INVOICE_EXPORT_STATUS("invoiceExportStatus", new Limit(10, 60, 600)),
    INVOICE_DOWNLOAD("invoiceDownload", new Limit(8, 16, 64)),
    /** Every other protected endpoint; each endpoint has its own counter, so callers key it by endpoint. */
    OTHER("other", new Limit(10, 30, 120)),
    AUTH("auth", new Limit(60, Integer.MAX_VALUE, Integer.MAX_VALUE));

    private final String wireName;
    private final Limit official;

    LimitGroup(String wireName, Limit official) {
        this.wireName = wireName;
        this.official = official;
    }

    /** The group's name in {@code GET /rate-limits}. */
    public String wireName() {
        return wireName;
    }

    public Limit official() {
        return official;
    }

    public static Optional<LimitGroup> ofWireName(String name) {
        return Arrays.stream(values()).filter(g -> g.wireName.equals(name)).findFirst();
    }
}
