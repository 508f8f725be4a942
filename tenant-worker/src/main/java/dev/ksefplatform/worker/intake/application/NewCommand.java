package dev.ksefplatform.worker.intake.application;

import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.InvoiceForm;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.time.Instant;

/**
 * A command as the worker queues it: one invoice of a {@code SubmitInvoice} (or of a {@code SubmitInvoiceBatch},
 * each invoice its own command id), in its lane. The invoice hash is computed here from the bytes, never taken from
 * the producer: it is how KSeF's lists, UPOs and 440s are matched back.
 */
public record NewCommand(CommandRef ref, LaneKey lane, String kind, String source, Instant receivedAt,
                         InvoiceForm form, String invoiceNumber, String invoiceHash, boolean offlineMode, byte[] xml,
                         long offset) {

    public static final String SUBMIT_INVOICE = "SUBMIT_INVOICE";
}
