package dev.ksefplatform.sync.projection.domain;

/** The events this service folds into its read models; every other event type is not its concern. */
public sealed interface SyncEvent
        permits SubmissionAccepted, SubmissionRejected, SubmissionDuplicate, SubmissionFailed,
        InvoiceReceived, InboxSynced {

    EventMeta meta();
}
