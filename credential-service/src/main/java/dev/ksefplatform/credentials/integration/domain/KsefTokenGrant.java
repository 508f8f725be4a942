package dev.ksefplatform.credentials.integration.domain;

import java.util.Set;

/** What KSeF says about the KSeF token an integration logs in with. */
public record KsefTokenGrant(String status, Set<String> permissions, String contextNip) {

    public KsefTokenGrant {
        permissions = Set.copyOf(permissions);
    }
}
