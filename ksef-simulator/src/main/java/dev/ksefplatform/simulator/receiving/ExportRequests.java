package dev.ksefplatform.simulator.receiving;

import dev.ksefplatform.simulator.error.KsefException;
import java.util.Base64;

/** The spec's InvoiceExportRequest. */
final class ExportRequests {

    private ExportRequests() {
    }

    record Encryption(String encryptedSymmetricKey, String initializationVector, String publicKeyId) {
    }

    record InvoiceExportRequest(Encryption encryption, QueryFilters filters, Boolean onlyMetadata,
                                String compressionType) {

        void validate() {
            require(encryption != null, "encryption: pole wymagane.");
            require(filters != null, "filters: pole wymagane.");
            require(compressionType == null || "Zip".equals(compressionType),
                    "compressionType: symulator obsługuje wyłącznie Zip.");
            require(encryption.publicKeyId() == null || encryption.publicKeyId().length() == 44,
                    "publicKeyId: wymagane 44 znaki.");
            require(iv().length == 16, "initializationVector: wymagane 16 bajtów.");
            filters.validate();
        }

        byte[] encryptedKey() {
            return base64(encryption.encryptedSymmetricKey(), "encryptedSymmetricKey");
        }

        byte[] iv() {
            return base64(encryption.initializationVector(), "initializationVector");
        }
    }

    private static byte[] base64(String value, String field) {
        require(value != null && !value.isEmpty(), field + ": pole wymagane.");
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw KsefException.validation(field + ": nieprawidłowe kodowanie Base64.");
        }
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw KsefException.validation(detail);
        }
    }
}
