package dev.ksefplatform.credentials.integration.domain;

import java.time.Instant;

/**
 * A run of alike HTTP calls this service made to KSeF in one context (the status polls of one login fold into one):
 * the endpoint as a template, how many calls, when the first was made, their HTTP status (0: no answer), total
 * duration, KSeF's exception code and error text. Never a token, a challenge, a signature or a key.
 */
public record KsefCall(String method, String endpoint, int calls, Instant firstCallAt, int httpStatus,
                       long durationMillis, Integer ksefCode, String error) {

    /** The same endpoint answering the same way again: one run. */
    public boolean alike(KsefCall next) {
        return method.equals(next.method) && endpoint.equals(next.endpoint) && httpStatus == next.httpStatus
                && java.util.Objects.equals(ksefCode, next.ksefCode);
    }

    public KsefCall and(KsefCall next) {
        return new KsefCall(method, endpoint, calls + next.calls, firstCallAt, httpStatus,
                durationMillis + next.durationMillis, ksefCode, error);
    }
}
