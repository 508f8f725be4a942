package dev.ksefplatform.systemtests.ksef;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One request the client sent and the response it got, byte for byte as they crossed the wire. */
record Exchange(String method, URI uri, Map<String, List<String>> requestHeaders, byte[] requestBody,
                int status, Map<String, List<String>> responseHeaders, byte[] responseBody) {

    Optional<String> responseHeader(String name) {
        return responseHeaders.entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .flatMap(h -> h.getValue().stream())
                .findFirst();
    }

    boolean isApiCall() {
        return uri.getPath().startsWith("/v2/");
    }

    @Override
    public String toString() {
        return method + " " + uri.getPath() + " -> " + status;
    }
}
