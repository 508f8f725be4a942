package dev.ksefplatform.simulator.session;

import dev.ksefplatform.simulator.invoice.InvoiceVerifier;
import dev.ksefplatform.simulator.session.BatchRequests.BatchFilePart;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import dev.ksefplatform.simulator.shared.StatusInfo;
import dev.ksefplatform.simulator.stats.SimulatorStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes a closed batch package on the session's lane, streaming from disk: checks each part's
 * hash (405), decrypts and joins the parts into the archive (435), checks the archive's size and
 * hash (405), unzips it (430, 420 over 10,000 files) and decides each invoice as online does, on every core
 * ({@link BatchDecisions}).
 */
final class BatchProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);
    private static final StatusInfo BAD_PACKAGE = StatusInfo.of(405,
            "Błąd weryfikacji poprawności dostarczonych elementów paczki");

    private final BatchDecisions decisions;
    private final SimulatorStats stats;
    private final ReferenceNumbers references;
    private final Clock clock;

    BatchProcessor(BatchDecisions decisions, SimulatorStats stats, ReferenceNumbers references, Clock clock) {
        this.decisions = decisions;
        this.stats = stats;
        this.references = references;
        this.clock = clock;
    }

    void submit(OnlineSession session) {
        session.lane().execute(() -> process(session));
    }

    private void process(OnlineSession session) {
        BatchPackage batch = session.batch();
        try {
            if (!session.hasKey()) {
                return; // the session already shows 415
            }
            StatusInfo failure = assemble(session);
            if (failure != null) {
                batch.fail(failure);
            } else {
                unpack(session);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("batch processing failed session={}", session.referenceNumber(), e);
            batch.fail(StatusInfo.of(500, "Nieznany błąd (500)"));
        } finally {
            batch.deleteFiles();
        }
    }

    /** The archive on disk, or the package-level status that stops processing. */
    private StatusInfo assemble(OnlineSession session) throws IOException {
        BatchPackage batch = session.batch();
        for (BatchFilePart part : batch.parts()) {
            if (!hashOf(batch.partFile(part.ordinalNumber())).equals(part.fileHash())) {
                return BAD_PACKAGE.withDetails("Skrót części '" + part.ordinalNumber() + "' nie zgadza się z deklarowanym.");
            }
        }
        MessageDigest digest = sha256();
        long size;
        try (OutputStream out = Files.newOutputStream(batch.archiveFile())) {
            size = decryptParts(session, digest, out);
        } catch (IOException e) {
            return StatusInfo.of(435, "Błąd odszyfrowania pliku");
        }
        boolean matches = size == batch.declared().fileSize()
                && Base64.getEncoder().encodeToString(digest.digest()).equals(batch.declared().fileHash());
        return matches ? null : BAD_PACKAGE.withDetails("Rozmiar lub skrót paczki nie zgadza się z deklarowanym.");
    }

    private static long decryptParts(OnlineSession session, MessageDigest digest, OutputStream out) throws IOException {
        long size = 0;
        for (BatchFilePart part : session.batch().parts()) {
            try (InputStream in = new CipherInputStream(Files.newInputStream(session.batch().partFile(part.ordinalNumber())),
                    cipher(session))) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    size += n;
                }
            }
        }
        return size;
    }

    private void unpack(OnlineSession session) throws IOException {
        BatchPackage batch = session.batch();
        try (ZipFile zip = new ZipFile(batch.archiveFile().toFile())) {
            List<? extends ZipEntry> files = Collections.list(zip.entries()).stream().filter(e -> !e.isDirectory()).toList();
            if (files.size() > OnlineSession.MAX_INVOICES) {
                batch.fail(StatusInfo.of(420, "Przekroczony limit faktur w sesji"));
                return;
            }
            for (int from = 0; from < files.size(); from += BatchDecisions.CHUNK) {
                decideChunk(session, zip, files.subList(from, Math.min(files.size(), from + BatchDecisions.CHUNK)));
            }
            batch.markUnpacked();
        } catch (ZipException e) {
            batch.fail(StatusInfo.of(430, "Błąd dekompresji pierwotnego archiwum"));
        }
    }

    /** Reads a chunk of files in order (each becomes the session's next invoice), then decides them on every core. */
    private void decideChunk(OnlineSession session, ZipFile zip, List<? extends ZipEntry> entries) throws IOException {
        List<SessionInvoice> chunk = new ArrayList<>(entries.size());
        List<byte[]> contents = new ArrayList<>(entries.size());
        for (ZipEntry entry : entries) {
            MessageDigest digest = sha256();
            byte[] content;
            try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
                content = in.readNBytes(InvoiceVerifier.MAX_SIZE + 1); // enough to reject an oversized file (430)
                in.transferTo(OutputStream.nullOutputStream());
            }
            contents.add(content);
            chunk.add(add(session, entry, content, Base64.getEncoder().encodeToString(digest.digest())));
        }
        decisions.decide(session, chunk, contents);
    }

    private SessionInvoice add(OnlineSession session, ZipEntry entry, byte[] content, String hash) {
        stats.received(session.contextNip(), hash);
        return session.addUnpacked(clock.instant(), ordinal -> new SessionInvoice(ordinal, references.next("EE"), hash,
                session.dateCreated(), session.batch().offlineMode(), content, entry.getName()));
    }

    private static String hashOf(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return Base64.getEncoder().encodeToString(digest.digest());
    }

    private static Cipher cipher(OnlineSession session) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(session.key(), "AES"), new IvParameterSpec(session.iv()));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is available in every JRE", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
