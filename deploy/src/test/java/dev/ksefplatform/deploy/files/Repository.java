package dev.ksefplatform.deploy.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Paths in the repository, from the deploy module's directory (Maven runs tests there). */
public final class Repository {

    private Repository() {
    }

    public static Path root() {
        return Path.of("").toAbsolutePath().getParent();
    }

    public static Path deploy(String path) {
        return root().resolve("deploy").resolve(path);
    }

    /** {@code <module>/target/<module>-<version>-exec.jar} (or the one name given), built by {@code ./mvnw package}. */
    public static Path execJar(String module, String glob) {
        Path target = root().resolve(module).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            var matcher = target.getFileSystem().getPathMatcher("glob:" + glob);
            return files.filter(p -> matcher.matches(p.getFileName())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + glob + " in " + target + ": run ./mvnw -DskipTests package first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path execJar(String module) {
        return execJar(module, module + "-*-exec.jar");
    }
}
