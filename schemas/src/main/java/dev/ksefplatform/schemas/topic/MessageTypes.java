package dev.ksefplatform.schemas.topic;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Wire names of payload types, for the {@link MessageHeaders#MESSAGE_TYPE} header and for read
 * models. They are data: renaming a Java class must never change them.
 */
public final class MessageTypes {

    private static final Map<String, String> BY_RECORD_NAME = Map.ofEntries(
            Map.entry("SubmitInvoice", "SubmitInvoice"),
            Map.entry("SubmitInvoiceBatch", "SubmitInvoiceBatch"),
            Map.entry("SyncInbox", "SyncInbox"),
            Map.entry("VerifyIntegration", "VerifyIntegration"),
            Map.entry("InvoiceAccepted", "InvoiceAccepted"),
            Map.entry("InvoiceRejected", "InvoiceRejected"),
            Map.entry("InvoiceDuplicate", "InvoiceDuplicate"),
            Map.entry("InvoiceSubmissionAbandoned", "InvoiceSubmissionAbandoned"),
            Map.entry("CommandDeadLettered", "CommandDeadLettered"),
            Map.entry("SessionOpened", "SessionOpened"),
            Map.entry("SessionClosed", "SessionClosed"),
            Map.entry("InboxInvoiceReceived", "InboxInvoiceReceived"),
            Map.entry("InboxSyncCompleted", "InboxSyncCompleted"),
            Map.entry("IntegrationRegistered", "IntegrationRegistered"),
            Map.entry("IntegrationVerified", "IntegrationVerified"),
            Map.entry("IntegrationStatusChanged", "IntegrationStatusChanged"),
            Map.entry("IntegrationRevoked", "IntegrationRevoked"),
            Map.entry("IntegrationSecretRotated", "IntegrationSecretRotated"),
            Map.entry("CredentialLeaseDenied", "CredentialLeaseDenied"),
            Map.entry("KsefCallFailed", "KsefCallFailed"),
            Map.entry("RateLimited", "RateLimited"),
            Map.entry("InvoiceSent", "InvoiceSent"),
            Map.entry("SubmissionsHeld", "SubmissionsHeld"),
            Map.entry("SubmissionsResumed", "SubmissionsResumed"),
            Map.entry("InboxSyncFailed", "InboxSyncFailed"),
            Map.entry("KsefCallRecorded", "KsefCallRecorded"),
            Map.entry("UpoReceived", "UpoReceived"),
            Map.entry("CommandRedriven", "CommandRedriven"),
            Map.entry("TenantViolationDetected", "TenantViolationDetected"),
            Map.entry("ProviderCredentialRegistered", "ProviderCredentialRegistered"),
            Map.entry("ProviderCredentialChanged", "ProviderCredentialChanged"),
            Map.entry("SentInvoiceStored", "SentInvoiceStored"),
            Map.entry("StaffActingStarted", "StaffActingStarted"),
            Map.entry("StaffActingEnded", "StaffActingEnded"));

    private MessageTypes() {
    }

    /** The wire name of a payload, keyed by its Avro record name (stable within a major version). */
    public static String of(Object payload) {
        String recordName = ((SpecificRecord) payload).getSchema().getName();
        String type = BY_RECORD_NAME.get(recordName);
        if (type == null) {
            throw new IllegalArgumentException("no wire name for payload record " + recordName);
        }
        return type;
    }
}
