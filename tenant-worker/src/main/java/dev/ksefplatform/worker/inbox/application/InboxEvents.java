package dev.ksefplatform.worker.inbox.application;

import dev.ksefplatform.worker.engine.application.EventEncoder.Encoded;
import dev.ksefplatform.worker.engine.application.Lease;
import dev.ksefplatform.worker.inbox.domain.Checkpoint;
import dev.ksefplatform.worker.inbox.domain.InboxSync;
import dev.ksefplatform.worker.inbox.domain.ReceivedInvoice;

/** The inbox's events as records to publish (the wire format stays in the Kafka adapter). */
public interface InboxEvents {

    Encoded received(InboxSync sync, Lease lease, ReceivedInvoice invoice);

    Encoded completed(InboxSync sync, Lease lease, Checkpoint next, int invoicesReceived);

    /** {@code lease} is null when there was none (the vault refused). */
    Encoded failed(InboxSync sync, Lease lease, String reason, boolean retryable, Checkpoint next);
}
