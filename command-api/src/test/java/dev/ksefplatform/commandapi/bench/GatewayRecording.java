package dev.ksefplatform.commandapi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A JFR recording of the gateway's measured windows only (not the warm-up, not the floor), with the JDK's "profile"
 * settings: execution samples every 10 ms per thread and allocation samples. Off unless {@code -Djfr=<file>}.
 */
final class GatewayRecording implements AutoCloseable {

    private final Recording recording;
    private final Path file;

    private GatewayRecording(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static GatewayRecording start(String file) {
        if (file == null) {
            return new GatewayRecording(null, null);
        }
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.start();
            return new GatewayRecording(recording, Path.of(file));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("the JDK's JFR profile settings are unreadable", e);
        }
    }

    @Override
    public void close() {
        if (recording == null) {
            return;
        }
        try (recording) {
            recording.stop();
            recording.dump(file);
            System.out.println("JFR recording of the gateway's windows: " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
