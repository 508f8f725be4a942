package dev.ksefplatform.credentials.vault.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What an envelope is bound to. GCM authenticates these bytes, so an envelope copied onto another
 * tenant's row (or re-labelled as another credential kind or environment) fails to decrypt.
 */
public record AssociatedData(String tenantId, String credentialKind, String environment) {

    private static final String DOMAIN = "ksef-platform/vault/v1";

    public AssociatedData {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(credentialKind, "credentialKind");
        Objects.requireNonNull(environment, "environment");
    }

    /** Length-prefixed fields, so ("ab","c") and ("a","bc") never encode alike. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : new String[] {DOMAIN, tenantId, credentialKind, environment}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length >>> 8);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
