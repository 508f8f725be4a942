package dev.ksefplatform.ksef.client.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ksefplatform.ksef.client.crypto.KsefCrypto;
import dev.ksefplatform.ksef.client.crypto.SessionKey;
import dev.ksefplatform.ksef.client.http.Json;
import dev.ksefplatform.ksef.client.session.SessionDtos.SendInvoice;

/**
 * Everything the client computes per invoice before it goes on the wire: SHA-256 of the XML,
 * AES-256-CBC ciphertext, SHA-256 of the ciphertext, sizes and Base64. Kept apart from HTTP so
 * its cost can be measured (see {@code InvoiceEncryptionBenchmark}).
 */
public final class InvoiceEncryption {

    private InvoiceEncryption() {
    }

    static SendInvoice request(SessionKey key, byte[] invoiceXml, boolean offlineMode) {
        byte[] encrypted = KsefCrypto.aesCbc(key, invoiceXml);
        return new SendInvoice(KsefCrypto.sha256Base64(invoiceXml), invoiceXml.length,
                KsefCrypto.sha256Base64(encrypted), encrypted.length, encrypted, offlineMode);
    }

    /** The JSON body of {@code POST /sessions/online/{ref}/invoices} for one invoice. */
    public static byte[] requestBody(SessionKey key, byte[] invoiceXml, boolean offlineMode) {
        try {
            return Json.MAPPER.writeValueAsBytes(request(key, invoiceXml, offlineMode));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the send-invoice request", e);
        }
    }
}
