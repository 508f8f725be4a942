package dev.ksefplatform.systemtests.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JFR recordings of the services, one per process, started and stopped with {@code jcmd} (settings {@code profile}):
 * the benchmarks' way to say where a window's CPU went. JFR's own threads cost CPU, so a recorded window is either
 * one more window (the idle benchmark) or named as recorded beside its figures (the cost benchmark).
 */
final class Recordings {

    private final Map<String, Long> pids;
    private final Path dir;
    private final String name;

    private Recordings(Map<String, Long> pids, Path dir, String name) {
        this.pids = pids;
        this.dir = dir;
        this.name = name;
    }

    /** Starts a recording named {@code name} in every service of the platform (not the simulator, broker, database). */
    static Recordings start(CostPlatform platform, Path dir, String name) {
        Map<String, Long> pids = new LinkedHashMap<>();
        platform.services().forEach(app -> pids.put(app, platform.pids().get(app)));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pids.values().forEach(pid -> jcmd(pid, "JFR.start", "name=" + name, "settings=profile"));
        return new Recordings(pids, dir, name);
    }

    /** Stops every recording and writes it to {@code <dir>/<service>.jfr}; returns the files by service. */
    Map<String, Path> stop() {
        Map<String, Path> files = new LinkedHashMap<>();
        pids.forEach((app, pid) -> {
            Path file = dir.resolve(app + ".jfr");
            jcmd(pid, "JFR.stop", "name=" + name, "filename=" + file);
            files.put(app, file);
        });
        return files;
    }

    private static void jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("jcmd " + line + ": " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
