package dev.ksefplatform.ksef.client.session;

import dev.ksefplatform.ksef.client.error.KsefTransportException;
import dev.ksefplatform.ksef.client.error.KsefUnexpectedResponseException;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import dev.ksefplatform.ksef.client.session.SessionDtos.PartUploadRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Uploads the encrypted parts in parallel, at most {@code parallelism} at a time, each to its own pre-signed URL. */
final class PartUploads {

    private final KsefHttp http;
    private final int parallelism;

    PartUploads(KsefHttp http, int parallelism) {
        this.http = http;
        this.parallelism = parallelism;
    }

    void upload(List<EncryptedPart> parts, List<PartUploadRequest> requests) {
        Map<Integer, PartUploadRequest> byOrdinal = requests.stream()
                .collect(Collectors.toMap(PartUploadRequest::ordinalNumber, Function.identity()));
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(parallelism, parts.size()), daemon());
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (EncryptedPart part : parts) {
                PartUploadRequest request = byOrdinal.get(part.ordinalNumber());
                if (request == null) {
                    throw new KsefUnexpectedResponseException(201, "no upload link for part " + part.ordinalNumber(),
                            null);
                }
                uploads.add(executor.submit(() -> http.upload(request.method(), URI.create(request.url()),
                        request.headers() == null ? Map.of() : request.headers(), part.file())));
            }
            for (Future<?> upload : uploads) {
                await(upload);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static void await(Future<?> upload) {
        try {
            upload.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new KsefTransportException("batch part upload failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KsefTransportException("interrupted while uploading batch parts", e);
        }
    }

    private static ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "ksef-batch-upload");
            thread.setDaemon(true);
            return thread;
        };
    }
}
