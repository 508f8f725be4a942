package dev.ksefplatform.sync.projection.domain;

/** The events this service folds into its read models; every other event type is not its concern. */
public sealed interface SyncEvent
        permits SubmissionSent, SubmissionAccepted, SubmissionRejected, SubmissionDuplicate, SubmissionFailed,
        CommandRefused,
        ContextHeld, ContextResumed, InvoiceReceived, InboxSynced, InboxSyncFailure, IntegrationChanged,
        InvoiceDocumentSent, UpoFetched {

    EventMeta meta();
}
