package dev.ksefplatform.sync.inbox.application;

import dev.ksefplatform.sync.inbox.domain.InvoiceFacts;

/** Reads an FA(3) invoice's facts from its XML. */
public interface InvoiceFactsReader {

    /** @throws UnreadableInvoice when the bytes are not a well-formed, safe FA(3) document */
    InvoiceFacts read(byte[] xml);
}
