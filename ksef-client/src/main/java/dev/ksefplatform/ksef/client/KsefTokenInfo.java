package dev.ksefplatform.ksef.client;

import java.util.List;

/** A KSeF token's metadata (never the token itself). */
public record KsefTokenInfo(String referenceNumber, String status, List<String> requestedPermissions,
                            ContextIdentifier context) {

    public KsefTokenInfo {
        requestedPermissions = requestedPermissions == null ? List.of() : List.copyOf(requestedPermissions);
    }
}
