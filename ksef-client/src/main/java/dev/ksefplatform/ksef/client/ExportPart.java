package dev.ksefplatform.ksef.client;

import java.time.Instant;

/** One encrypted part of an export package, downloadable without a token from {@code url} until it expires. */
public record ExportPart(int ordinalNumber, String partName, String method, String url, long partSize, String partHash,
                         long encryptedPartSize, String encryptedPartHash, Instant expirationDate) {

    /** The URL's query string is a credential (a storage signature), so it is left out. */
    @Override
    public String toString() {
        return "ExportPart[" + ordinalNumber + ", " + partName + ", " + encryptedPartSize + " B]";
    }
}
