package dev.ksefplatform.commandapi.submission.api;

import java.util.List;

/**
 * A page of submissions as the OpenAPI document shows it; sync-service's body is passed through whole, so it may
 * carry fields added later.
 */
record SubmissionPageDoc(List<Item> items, String nextCursor) {

    record Item(String commandId, String status, String ksefNumber, Integer ksefStatusCode, String invoiceNumber,
                String description, String sessionReferenceNumber, String invoiceReferenceNumber, String createdAt,
                String updatedAt) {
    }
}
