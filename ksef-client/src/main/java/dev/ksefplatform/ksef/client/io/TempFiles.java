package dev.ksefplatform.ksef.client.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Temporary files for archives and parts: created in the configured directory, deleted by their user when done. */
public final class TempFiles {

    private TempFiles() {
    }

    public static Path create(Path directory, String suffix) {
        try {
            return Files.createTempFile(directory, "ksef-", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file in " + directory, e);
        }
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Tried again at exit. A ZIP holds invoices in the clear: a caller that may die first gives the client a
            // directory of its own and removes it (tenant-worker's ScratchDirectory).
            file.toFile().deleteOnExit();
        }
    }
}
