package dev.ksefplatform.ksef.client.session;

import dev.ksefplatform.ksef.client.FormCode;
import dev.ksefplatform.ksef.client.InvoiceStatus;
import dev.ksefplatform.ksef.client.SessionInvoice;
import dev.ksefplatform.ksef.client.http.StatusDto;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Wire shapes of the session operations (only the fields this client reads). */
final class SessionDtos {

    private SessionDtos() {
    }

    record OpenOnlineSession(FormCode formCode, Encryption encryption) {
    }

    record Encryption(String encryptedSymmetricKey, String initializationVector, String publicKeyId) {
    }

    record Opened(String referenceNumber, Instant validUntil) {
    }

    record OpenBatchSession(FormCode formCode, BatchFile batchFile, Encryption encryption) {
    }

    record BatchFile(long fileSize, String fileHash, List<BatchFilePart> fileParts) {
    }

    record BatchFilePart(int ordinalNumber, long fileSize, String fileHash) {
    }

    record OpenedBatch(String referenceNumber, List<PartUploadRequest> partUploadRequests) {
    }

    /** A pre-signed storage link: its query string is a credential, so it is never printed. */
    record PartUploadRequest(int ordinalNumber, String method, String url, Map<String, String> headers) {
        @Override
        public String toString() {
            return "PartUploadRequest[" + ordinalNumber + "]";
        }
    }

    /**
     * The ciphertext stays bytes: Jackson writes a {@code byte[]} as standard Base64 (padded, no line feeds) straight
     * into the body, with no Base64 {@code String} in between ({@code InvoiceEncryptionBenchmark}, 10 KB invoice:
     * 81 → 54 KB allocated per request body, its time unchanged at 33 µs).
     */
    record SendInvoice(String invoiceHash, long invoiceSize, String encryptedInvoiceHash, long encryptedInvoiceSize,
                       byte[] encryptedInvoiceContent, boolean offlineMode) {
    }

    record Sent(String referenceNumber) {
    }

    record InvoiceDto(int ordinalNumber, String referenceNumber, String invoiceHash, String invoicingMode,
                          String ksefNumber, String invoiceNumber, Instant acquisitionDate, String upoDownloadUrl,
                          StatusDto status) {

        InvoiceStatus toStatus() {
            return new InvoiceStatus(status.code(), status.description(), status.details(), status.extensions(),
                    ksefNumber, invoiceNumber, acquisitionDate, upoDownloadUrl);
        }

        SessionInvoice toSessionInvoice() {
            return new SessionInvoice(ordinalNumber, referenceNumber, invoiceHash,
                    invoicingMode, toStatus());
        }
    }

    record InvoicesDto(List<InvoiceDto> invoices, String continuationToken) {
    }

    record Session(StatusDto status, Integer invoiceCount, Integer successfulInvoiceCount, Integer failedInvoiceCount,
                   Upo upo) {
    }

    record Upo(List<UpoPageDto> pages) {
    }

    record UpoPageDto(String referenceNumber, String downloadUrl, Instant downloadUrlExpirationDate) {
    }
}
