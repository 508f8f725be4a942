package dev.ksefplatform.ksef.client.http;

/** A request body sent as is (e.g. the signed XML of the XAdES login) instead of being written as JSON. */
public record RawBody(byte[] bytes, String contentType) {

    @Override
    public String toString() {
        return "RawBody[" + contentType + ", " + bytes.length + " B]";
    }
}
