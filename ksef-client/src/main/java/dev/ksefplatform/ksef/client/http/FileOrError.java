package dev.ksefplatform.ksef.client.http;

import java.net.http.HttpResponse;
import java.nio.file.Path;

/** Streams a 2xx body into a file (the response then carries no bytes); keeps an error body in memory for mapping. */
final class FileOrError {

    private FileOrError() {
    }

    static HttpResponse.BodyHandler<byte[]> handler(Path target) {
        return info -> info.statusCode() / 100 == 2
                ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofFile(target), path -> new byte[0])
                : HttpResponse.BodySubscribers.ofByteArray();
    }
}
