package dev.ksefplatform.credentials.lease.application;

import java.time.Instant;

/** A granted lease: a KSeF access token for one context. toString never prints the token. */
public record Lease(String leaseId, String accessToken, Instant validUntil) {

    @Override
    public String toString() {
        return "Lease[leaseId=" + leaseId + ", accessToken=***, validUntil=" + validUntil + "]";
    }
}
