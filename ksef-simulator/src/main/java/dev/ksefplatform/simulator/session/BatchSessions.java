package dev.ksefplatform.simulator.session;

import dev.ksefplatform.simulator.auth.Caller;
import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.session.BatchRequests.OpenBatchSessionRequest;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import dev.ksefplatform.simulator.shared.SignedLinks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Opens batch sessions with pre-signed part-upload links, stores uploaded parts on disk and closes sessions. */
final class BatchSessions {

    static final String STORAGE_PATH = "/storage/batch/";

    private final OnlineSessions sessions;
    private final BatchProcessor processor;
    private final SignedLinks links;
    private final ReferenceNumbers references;
    private final Clock clock;
    private final Map<String, OnlineSession> batches = new ConcurrentHashMap<>();

    BatchSessions(OnlineSessions sessions, BatchProcessor processor, SignedLinks links, ReferenceNumbers references,
                  Clock clock) {
        this.sessions = sessions;
        this.processor = processor;
        this.links = links;
        this.references = references;
        this.clock = clock;
    }

    record PartUploadRequest(int ordinalNumber, String method, String url, Map<String, String> headers) {
    }

    record Opened(String referenceNumber, List<PartUploadRequest> partUploadRequests) {
    }

    Opened open(Caller caller, OpenBatchSessionRequest request, String baseUrl) {
        request.validate();
        byte[] key = sessions.unwrap(request.encryption().publicKeyId(), request.encryptedKey());
        Instant now = clock.instant();
        String reference = references.next("SB");
        BatchPackage batch = new BatchPackage(request.batchFile(), Boolean.TRUE.equals(request.offlineMode()),
                directory(reference), now);
        OnlineSession session = new OnlineSession(reference, caller, now, now.plus(OnlineSessions.LIFETIME), key,
                request.iv(), sessions.workers().packageLane(), batch);
        batches.put(reference, session);
        sessions.register(session);
        return new Opened(reference, batch.parts().stream().map(part -> new PartUploadRequest(part.ordinalNumber(),
                "PUT", links.link(baseUrl, partPath(reference, part.ordinalNumber()), "w", batch.uploadDeadline()).url(),
                Map.of("x-ms-blob-type", "BlockBlob"))).toList());
    }

    /** Where an upload may write, if its signature is valid and the session still takes parts. */
    Optional<Path> uploadTarget(String reference, int ordinal, long se, String sig) {
        OnlineSession session = batches.get(reference);
        if (session == null || !links.valid(partPath(reference, ordinal), "w", se, sig)
                || !session.batch().declares(ordinal) || session.status(clock.instant()).code() != 100) {
            return Optional.empty();
        }
        return Optional.of(session.batch().partFile(ordinal));
    }

    void uploaded(String reference, int ordinal) {
        batches.get(reference).batch().uploaded(ordinal);
    }

    void close(Caller caller, String reference) {
        OnlineSession session = sessions.find(caller, reference);
        if (session.batch() == null) {
            throw KsefException.noSession(reference);
        }
        Instant now = clock.instant();
        synchronized (session) {
            if (session.status(now).code() == 100) {
                session.batch().requireComplete();
            }
            session.close(now);
        }
        processor.submit(session);
    }

    /** At shutdown: parts of sessions never closed do not outlive the simulator. */
    void deleteFiles() {
        batches.values().forEach(session -> session.batch().deleteFiles());
    }

    static String partPath(String reference, int ordinal) {
        return STORAGE_PATH + reference + "/" + ordinal;
    }

    private static Path directory(String reference) {
        try {
            return Files.createTempDirectory("ksef-simulator-" + reference);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for batch parts", e);
        }
    }
}
