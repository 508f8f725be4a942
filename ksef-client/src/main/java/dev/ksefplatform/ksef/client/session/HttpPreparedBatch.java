package dev.ksefplatform.ksef.client.session;

import dev.ksefplatform.ksef.client.BatchSubmission;
import dev.ksefplatform.ksef.client.FormCode;
import dev.ksefplatform.ksef.client.PreparedBatch;
import dev.ksefplatform.ksef.client.crypto.SessionKey;
import dev.ksefplatform.ksef.client.io.TempFiles;
import dev.ksefplatform.ksef.client.session.SessionDtos.OpenedBatch;
import java.util.List;
import java.util.Map;

/** A batch on disk, sent step by step; it remembers the upload links between {@link #open} and {@link #upload}. */
final class HttpPreparedBatch implements PreparedBatch {

    private final HttpKsefBatchSessions sessions;
    private final FormCode formCode;
    private final BatchArchive archive;
    private final List<EncryptedPart> parts;
    private final SessionKey key;
    private OpenedBatch opened;

    HttpPreparedBatch(HttpKsefBatchSessions sessions, FormCode formCode, BatchArchive archive, List<EncryptedPart> parts,
                      SessionKey key) {
        this.sessions = sessions;
        this.formCode = formCode;
        this.archive = archive;
        this.parts = parts;
        this.key = key;
    }

    @Override
    public Map<String, String> invoiceHashes() {
        return archive.invoiceHashes();
    }

    @Override
    public int partCount() {
        return parts.size();
    }

    @Override
    public synchronized String open(String accessToken) {
        if (opened == null) {
            opened = sessions.open(accessToken, formCode, archive, parts, key);
        }
        return opened.referenceNumber();
    }

    @Override
    public synchronized void upload() {
        sessions.upload(parts, opened().partUploadRequests());
    }

    @Override
    public synchronized void close(String accessToken) {
        sessions.close(accessToken, opened().referenceNumber());
    }

    @Override
    public synchronized void close() {
        parts.forEach(EncryptedPart::delete);
        TempFiles.delete(archive.file());
    }

    BatchSubmission submission(String referenceNumber) {
        return new BatchSubmission(referenceNumber, archive.size(), archive.hash(), parts.size(), archive.invoiceHashes());
    }

    private OpenedBatch opened() {
        if (opened == null) {
            throw new IllegalStateException("open the batch session first");
        }
        return opened;
    }
}
