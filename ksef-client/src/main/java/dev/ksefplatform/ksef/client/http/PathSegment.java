package dev.ksefplatform.ksef.client.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Encodes caller-supplied identifiers placed in a path, so that a value like {@code ../x} cannot change the call. */
public final class PathSegment {

    private PathSegment() {
    }

    public static String of(String value) {
        Objects.requireNonNull(value, "path segment");
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
