package dev.ksefplatform.ksef.client.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ksefplatform.ksef.client.ExportPart;
import dev.ksefplatform.ksef.client.ExportStatus;
import dev.ksefplatform.ksef.client.http.StatusDto;
import dev.ksefplatform.ksef.client.query.HttpKsefInvoiceQueries.Filters;
import dev.ksefplatform.ksef.client.query.HttpKsefInvoiceQueries.Metadata;
import java.time.Instant;
import java.util.List;

/** Wire shapes of {@code /invoices/exports} and of {@code _metadata.json} (only the fields this client reads). */
final class ExportDtos {

    private ExportDtos() {
    }

    record Encryption(String encryptedSymmetricKey, String initializationVector, String publicKeyId) {
    }

    record ExportRequest(Encryption encryption, Filters filters, Boolean onlyMetadata) {
    }

    record Started(String referenceNumber) {
    }

    record Part(int ordinalNumber, String partName, String method, String url, long partSize, String partHash,
                long encryptedPartSize, String encryptedPartHash, Instant expirationDate) {
        ExportPart toPart() {
            return new ExportPart(ordinalNumber, partName, method, url, partSize, partHash, encryptedPartSize,
                    encryptedPartHash, expirationDate);
        }

        @Override
        public String toString() {
            return "Part[" + ordinalNumber + "]";
        }
    }

    record Package(long invoiceCount, long size, List<Part> parts, boolean isTruncated,
                   Instant lastPermanentStorageDate, Instant permanentStorageHwmDate) {
    }

    record Status(StatusDto status, Instant completedDate, Instant packageExpirationDate, @JsonProperty("package") Package pkg) {
        ExportStatus toStatus() {
            Package p = pkg;
            return new ExportStatus(status.code(), status.describe(), completedDate, packageExpirationDate,
                    p == null ? 0 : p.invoiceCount(), p == null ? 0 : p.size(),
                    p == null || p.parts() == null ? List.of() : p.parts().stream().map(Part::toPart).toList(),
                    p != null && p.isTruncated(), p == null ? null : p.lastPermanentStorageDate(),
                    p == null ? null : p.permanentStorageHwmDate());
        }
    }

    record MetadataFile(List<Metadata> invoices) {
    }
}
