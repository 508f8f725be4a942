package dev.ksefplatform.simulator.session;

import dev.ksefplatform.simulator.error.KsefException;
import java.util.Base64;

/** Request bodies of the online-session endpoints, with the spec's input validation (21405). */
final class SessionRequests {

    private SessionRequests() {
    }

    record FormCode(String systemCode, String schemaVersion, String value) {

        boolean isFa3() {
            return "FA (3)".equals(systemCode) && "1-0E".equals(schemaVersion) && "FA".equals(value);
        }
    }

    record Encryption(String encryptedSymmetricKey, String initializationVector, String publicKeyId) {
    }

    record OpenOnlineSessionRequest(FormCode formCode, Encryption encryption) {

        void validate() {
            require(formCode != null, "formCode: pole wymagane.");
            require(formCode.isFa3(), "formCode: obsługiwany jest wyłącznie FA (3) 1-0E FA.");
            require(encryption != null, "encryption: pole wymagane.");
            require(encryption.publicKeyId() == null || encryption.publicKeyId().length() == 44,
                    "publicKeyId: wymagane 44 znaki.");
            require(iv().length == 16, "initializationVector: wymagane 16 bajtów.");
        }

        byte[] encryptedKey() {
            return base64(encryption.encryptedSymmetricKey(), "encryptedSymmetricKey");
        }

        byte[] iv() {
            return base64(encryption.initializationVector(), "initializationVector");
        }
    }

    record SendInvoiceRequest(String invoiceHash, Long invoiceSize, String encryptedInvoiceHash,
                              Long encryptedInvoiceSize, String encryptedInvoiceContent, Boolean offlineMode,
                              String hashOfCorrectedInvoice) {

        byte[] validatedContent() {
            requireHash(invoiceHash, "invoiceHash");
            requireHash(encryptedInvoiceHash, "encryptedInvoiceHash");
            require(invoiceSize != null && invoiceSize >= 1, "invoiceSize: wymagana wartość >= 1.");
            require(encryptedInvoiceSize != null && encryptedInvoiceSize >= 1,
                    "encryptedInvoiceSize: wymagana wartość >= 1.");
            if (hashOfCorrectedInvoice != null) {
                requireHash(hashOfCorrectedInvoice, "hashOfCorrectedInvoice");
            }
            return base64(encryptedInvoiceContent, "encryptedInvoiceContent");
        }

        boolean offline() {
            return Boolean.TRUE.equals(offlineMode);
        }
    }

    static void requireHash(String value, String field) {
        require(value != null && value.length() == 44 && base64(value, field).length == 32,
                field + ": wymagany skrót SHA-256 w Base64 (44 znaki).");
    }

    static byte[] base64(String value, String field) {
        require(value != null && !value.isEmpty(), field + ": pole wymagane.");
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw KsefException.validation(field + ": nieprawidłowe kodowanie Base64.");
        }
    }

    static void require(boolean condition, String detail) {
        if (!condition) {
            throw KsefException.validation(detail);
        }
    }
}
