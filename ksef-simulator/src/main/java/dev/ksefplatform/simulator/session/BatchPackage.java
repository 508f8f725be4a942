package dev.ksefplatform.simulator.session;

import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.session.BatchRequests.BatchFile;
import dev.ksefplatform.simulator.session.BatchRequests.BatchFilePart;
import dev.ksefplatform.simulator.shared.StatusInfo;
import dev.ksefplatform.simulator.shared.TempFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The package of a batch session: the declared parts, the uploaded part files (on disk, never in
 * heap) and, once processed, a package-level failure if there was one.
 */
final class BatchPackage {

    static final Duration UPLOAD_WINDOW_PER_PART = Duration.ofMinutes(20);

    private final BatchFile declared;
    private final boolean offlineMode;
    private final Path directory;
    private final Instant uploadDeadline;
    private final Map<Integer, Path> uploaded = new ConcurrentHashMap<>();
    private volatile boolean unpacked;
    private volatile StatusInfo failure;

    BatchPackage(BatchFile declared, boolean offlineMode, Path directory, Instant opened) {
        this.declared = declared;
        this.offlineMode = offlineMode;
        this.directory = directory;
        this.uploadDeadline = opened.plus(UPLOAD_WINDOW_PER_PART.multipliedBy(declared.fileParts().size()));
    }

    BatchFile declared() {
        return declared;
    }

    boolean offlineMode() {
        return offlineMode;
    }

    Instant uploadDeadline() {
        return uploadDeadline;
    }

    boolean declares(int ordinal) {
        return ordinal >= 1 && ordinal <= declared.fileParts().size();
    }

    Path partFile(int ordinal) {
        return directory.resolve("part-" + ordinal + ".aes");
    }

    void uploaded(int ordinal) {
        uploaded.put(ordinal, partFile(ordinal));
    }

    /** At close: every declared part was sent (21205) with its declared size (21157). */
    void requireComplete() {
        for (BatchFilePart part : parts()) {
            Path file = uploaded.get(part.ordinalNumber());
            if (file == null) {
                throw new KsefException(21205, "Pakiet nie może być pusty.",
                        "Nie przesłano zadeklarowanej '" + part.ordinalNumber() + "' części pliku.");
            }
            if (size(file) != part.fileSize()) {
                throw new KsefException(21157, "Nieprawidłowy rozmiar części pakietu.", "Zadeklarowany rozmiar części '"
                        + part.ordinalNumber() + "' nie zgadza się z rzeczywistym.");
            }
        }
    }

    List<BatchFilePart> parts() {
        return declared.fileParts().stream().sorted(Comparator.comparing(BatchFilePart::ordinalNumber)).toList();
    }

    Path archiveFile() {
        return directory.resolve("package.zip");
    }

    boolean unpacked() {
        return unpacked;
    }

    StatusInfo failure() {
        return failure;
    }

    void fail(StatusInfo status) {
        failure = status;
        unpacked = true;
    }

    void markUnpacked() {
        unpacked = true;
    }

    /** Removes the part files and the archive: nothing of a processed package stays on disk. */
    void deleteFiles() {
        TempFiles.deleteTree(directory);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
