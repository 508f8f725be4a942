package dev.ksefplatform.worker.engine.domain;

/** The KSeF limit groups the worker's calls fall in (brief §12); the adapter maps them to the client's names. */
public enum KsefLimit {
    ONLINE_SESSION, INVOICE_SEND, BATCH_SESSION, INVOICE_STATUS, SESSION_INVOICE_LIST, SESSION_MISC,
    INVOICE_EXPORT, INVOICE_EXPORT_STATUS, RATE_LIMITS_QUERY
}
