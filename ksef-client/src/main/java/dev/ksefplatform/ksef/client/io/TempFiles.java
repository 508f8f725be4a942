package dev.ksefplatform.ksef.client.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Temporary files for archives and parts: created in the configured directory, always deleted by their user. */
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
            // Left behind in the temp directory; nothing secret is in it (parts are encrypted, ZIPs are the caller's).
            file.toFile().deleteOnExit();
        }
    }
}
