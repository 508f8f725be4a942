package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.InvoiceForm;
import dev.ksefplatform.worker.engine.domain.LaneKey;

/**
 * A queued {@code SubmitInvoice} the lane can never send, as stored: enough to rebuild its command for the dead-letter
 * topic, so an operator can re-drive it once the cause is fixed ({@code sourceOffset} -1 for rows of older versions).
 */
public record UnsentCommand(CommandRef ref, LaneKey lane, String source, InvoiceForm form, String invoiceNumber,
                            String invoiceHash, boolean offlineMode, byte[] xml, long sourceOffset) {
}
