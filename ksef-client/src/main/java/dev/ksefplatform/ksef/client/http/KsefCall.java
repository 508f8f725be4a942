package dev.ksefplatform.ksef.client.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One KSeF API call. {@code idempotent} calls are retried after any transient failure; the others (send invoice,
 * redeem tokens) only after 429, where KSeF did not process the request.
 */
public record KsefCall<T>(String method, String path, String bearer, Object body, Class<T> responseType,
                          boolean idempotent, Map<String, String> headers) {

    public KsefCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(responseType, "responseType");
        headers = Map.copyOf(headers);
    }

    public KsefCall(String method, String path, String bearer, Object body, Class<T> responseType, boolean idempotent) {
        this(method, path, bearer, body, responseType, idempotent, Map.of());
    }

    public static <T> KsefCall<T> get(String path, Class<T> responseType) {
        return new KsefCall<>("GET", path, null, null, responseType, true);
    }

    public static <T> KsefCall<T> post(String path, Object body, Class<T> responseType) {
        return new KsefCall<>("POST", path, null, body, responseType, true);
    }

    public static KsefCall<Void> delete(String path) {
        return new KsefCall<>("DELETE", path, null, null, Void.class, true);
    }

    public KsefCall<T> bearer(String token) {
        return new KsefCall<>(method, path, token, body, responseType, idempotent, headers);
    }

    public KsefCall<T> notIdempotent() {
        return new KsefCall<>(method, path, bearer, body, responseType, false, headers);
    }

    /** Adds a header unless {@code value} is null. */
    public KsefCall<T> header(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new KsefCall<>(method, path, bearer, body, responseType, idempotent, more);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
