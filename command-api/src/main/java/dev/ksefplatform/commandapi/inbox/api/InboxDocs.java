package dev.ksefplatform.commandapi.inbox.api;

import java.util.List;

/**
 * The inbox's bodies as the OpenAPI document shows them. Bodies from sync-service are passed through whole, so they
 * may carry fields added later; amounts are decimal strings (never floating point).
 */
final class InboxDocs {

    private InboxDocs() {
    }

    record Invoice(String ksefNumber, String subjectType, String direction, String sellerNip, String sellerName,
                   String buyerNip, String buyerName, String invoiceNumber, String issueDate, String invoiceType,
                   String currency, String net, String vat, String gross, String permanentStorageDate,
                   String receivedAt, String sha256, String parseProblem) {
    }

    record Page(List<Invoice> items, String nextCursor) {
    }

    record SyncState(String subjectType, String highWaterMark, Long lagSeconds, String lastSuccessAt,
                     String lastAttemptAt, Integer consecutiveFailures, String lastFailureReason,
                     String runningCommandId, String runningSince, Boolean scheduled, String nextSyncAt) {
    }

    record ArrivalDay(String day, long count) {
    }

    record Arrivals(String from, String to, long total, List<ArrivalDay> days) {
    }

    record SyncStarted(String commandId, String subjectType) {
    }
}
