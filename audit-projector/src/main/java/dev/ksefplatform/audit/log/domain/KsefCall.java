package dev.ksefplatform.audit.log.domain;

import java.time.Instant;

/** One HTTP call to KSeF, or a run of {@code calls} status polls of one session starting at {@code firstCallAt}. */
public record KsefCall(String method, String endpoint, int calls, Instant firstCallAt,
                       String sessionReferenceNumber) implements EventDetail {
}
