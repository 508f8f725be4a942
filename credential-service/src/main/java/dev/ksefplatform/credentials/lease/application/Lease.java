package dev.ksefplatform.credentials.lease.application;

import java.time.Instant;

/**
 * A granted lease: a KSeF access token for one context, the integration it was granted through and the provider NIP
 * acting there. toString never prints the token.
 */
public record Lease(String leaseId, String accessToken, Instant validUntil, String integrationId, String providerNip) {

    @Override
    public String toString() {
        return "Lease[leaseId=" + leaseId + ", accessToken=***, validUntil=" + validUntil + ", integrationId="
                + integrationId + ", providerNip=" + providerNip + "]";
    }
}
