package dev.ksefplatform.ksef.client.session;

import dev.ksefplatform.ksef.client.BatchInvoice;
import dev.ksefplatform.ksef.client.BatchSubmission;
import dev.ksefplatform.ksef.client.FormCode;
import dev.ksefplatform.ksef.client.KsefBatchSessions;
import dev.ksefplatform.ksef.client.KsefOnlineSessions;
import dev.ksefplatform.ksef.client.KsefSessionInvoices;
import dev.ksefplatform.ksef.client.PreparedBatch;
import dev.ksefplatform.ksef.client.SessionInvoice;
import dev.ksefplatform.ksef.client.SessionStatus;
import dev.ksefplatform.ksef.client.crypto.KeyUsage;
import dev.ksefplatform.ksef.client.crypto.KsefCrypto;
import dev.ksefplatform.ksef.client.io.TempFiles;
import dev.ksefplatform.ksef.client.crypto.PublicKeyDirectory;
import dev.ksefplatform.ksef.client.crypto.SessionKey;
import dev.ksefplatform.ksef.client.http.KsefCall;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import dev.ksefplatform.ksef.client.http.PathSegment;
import dev.ksefplatform.ksef.client.poll.Poller;
import dev.ksefplatform.ksef.client.session.SessionDtos.BatchFile;
import dev.ksefplatform.ksef.client.session.SessionDtos.BatchFilePart;
import dev.ksefplatform.ksef.client.session.SessionDtos.Encryption;
import dev.ksefplatform.ksef.client.session.SessionDtos.OpenBatchSession;
import dev.ksefplatform.ksef.client.session.SessionDtos.OpenedBatch;
import dev.ksefplatform.ksef.client.session.SessionDtos.PartUploadRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Batch sessions over HTTP: archive and parts on disk, parts straight to storage. */
public final class HttpKsefBatchSessions implements KsefBatchSessions {

    /** KSeF's limit per part before encryption. */
    public static final long MAX_PART_SIZE = 100_000_000L;
    static final int OPEN = 100;
    static final int PROCESSING = 150;

    private final KsefHttp http;
    private final PublicKeyDirectory publicKeys;
    private final KsefOnlineSessions sessions;
    private final KsefSessionInvoices sessionInvoices;
    private final Poller poller;
    private final BatchSettings settings;

    public HttpKsefBatchSessions(KsefHttp http, PublicKeyDirectory publicKeys, KsefOnlineSessions sessions,
                                 KsefSessionInvoices sessionInvoices, Poller poller, BatchSettings settings) {
        this.http = http;
        this.publicKeys = publicKeys;
        this.sessions = sessions;
        this.sessionInvoices = sessionInvoices;
        this.poller = poller;
        this.settings = settings;
    }

    /** Part size (≤ 100,000,000 B), upload threads and the directory for temporary files. */
    public record BatchSettings(long partSize, int uploadParallelism, Path tempDirectory) {
        public BatchSettings {
            if (partSize < 1 || partSize > MAX_PART_SIZE) {
                throw new IllegalArgumentException("partSize must be 1.." + MAX_PART_SIZE);
            }
            if (uploadParallelism < 1) {
                throw new IllegalArgumentException("uploadParallelism must be >= 1");
            }
            Objects.requireNonNull(tempDirectory, "tempDirectory");
        }
    }

    @Override
    public BatchSubmission submit(String accessToken, FormCode formCode, Iterable<BatchInvoice> invoices) {
        try (PreparedBatch batch = prepare(formCode, invoices)) {
            String referenceNumber = batch.open(accessToken);
            batch.upload();
            batch.close(accessToken);
            return ((HttpPreparedBatch) batch).submission(referenceNumber);
        }
    }

    @Override
    public PreparedBatch prepare(FormCode formCode, Iterable<BatchInvoice> invoices) {
        Objects.requireNonNull(formCode, "formCode");
        SessionKey key = SessionKey.random();
        BatchArchive archive = BatchArchive.write(invoices, settings.tempDirectory());
        try {
            List<EncryptedPart> parts = EncryptedPart.split(archive, settings.partSize(), key, settings.tempDirectory());
            return new HttpPreparedBatch(this, formCode, archive, parts, key);
        } catch (RuntimeException e) {
            TempFiles.delete(archive.file());
            throw e;
        }
    }

    void upload(List<EncryptedPart> parts, List<PartUploadRequest> requests) {
        new PartUploads(http, settings.uploadParallelism()).upload(parts, requests);
    }

    void close(String accessToken, String referenceNumber) {
        http.call(KsefCall.post("/sessions/batch/" + PathSegment.of(referenceNumber) + "/close", null, Void.class)
                .bearer(accessToken));
    }

    OpenedBatch open(String accessToken, FormCode formCode, BatchArchive archive, List<EncryptedPart> parts,
                     SessionKey key) {
        BatchFile batchFile = new BatchFile(archive.size(), archive.hash(), parts.stream()
                .map(p -> new BatchFilePart(p.ordinalNumber(), p.size(), p.hash())).toList());
        return publicKeys.withKey(KeyUsage.SymmetricKeyEncryption, publicKey -> {
            Encryption encryption = new Encryption(KsefCrypto.base64(key.wrapWith(publicKey)),
                    KsefCrypto.base64(key.iv()), publicKey.publicKeyId());
            return http.call(KsefCall.post("/sessions/batch", new OpenBatchSession(formCode, batchFile, encryption),
                    OpenedBatch.class).bearer(accessToken));
        });
    }

    @Override
    public SessionStatus awaitProcessed(String accessToken, String sessionReferenceNumber, Duration timeout) {
        return poller.poll(() -> sessions.sessionStatus(accessToken, sessionReferenceNumber),
                s -> s.code() != OPEN && s.code() != PROCESSING, timeout);
    }

    @Override
    public List<SessionInvoice> invoices(String accessToken, String sessionReferenceNumber) {
        return sessionInvoices.all(accessToken, sessionReferenceNumber);
    }
}
