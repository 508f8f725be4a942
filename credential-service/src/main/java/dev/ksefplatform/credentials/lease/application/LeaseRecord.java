package dev.ksefplatform.credentials.lease.application;

import dev.ksefplatform.credentials.lease.domain.LeaseRequest;
import java.time.Instant;

/** One row of the lease log: every request, granted or not. */
public record LeaseRecord(String leaseId, LeaseRequest request, String integrationId, Instant requestedAt,
                          Outcome outcome, String reason) {

    public enum Outcome { GRANTED, DENIED, FAILED }
}
