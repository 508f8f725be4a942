package dev.ksefplatform.worker.engine.adapter.ksef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's own directory for the KSeF client's temporary files: batch archives and their encrypted parts,
 * export packages. Those hold invoices in the clear, and a worker killed in the middle of a batch or an export never
 * deletes them, so each instance works in a directory of its own ({@code ksef-worker-*} in the configured base), holds
 * an OS lock on a file in it while it lives, and at start removes every sibling whose lock it can take: the OS
 * releases a dead process's locks, however it died, so a live instance's directory is never touched, even when
 * several share the base. Created under a hidden name and renamed once locked, so no sweep sees it unlocked.
 * The directories this JVM holds are never opened by its own sweep: a POSIX lock is released when its process closes
 * any descriptor of the file, so merely trying the lock would release it ({@link FileChannel}'s documentation).
 */
public final class ScratchDirectory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScratchDirectory.class);
    static final String PREFIX = "ksef-worker-";
    private static final String LOCK = ".lock";
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;

    private ScratchDirectory(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Claims a directory of this instance's own in {@code base}, then removes what stopped instances left there. */
    public static ScratchDirectory claim(Path base) {
        Path staging = null;
        FileChannel channel = null;
        try {
            Files.createDirectories(base);
            staging = Files.createTempDirectory(base, "." + PREFIX);
            channel = FileChannel.open(staging.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            channel.lock();
            Path path = Files.move(staging, base.resolve(staging.getFileName().toString().substring(1)),
                    StandardCopyOption.ATOMIC_MOVE).toRealPath();
            HELD_HERE.add(path);
            sweep(base);
            return new ScratchDirectory(path, channel);
        } catch (IOException e) {
            abandon(staging, channel, e);
            throw new UncheckedIOException("cannot claim a temporary directory in " + base, e);
        }
    }

    /** A claim that failed half-way leaves neither an open descriptor nor a hidden directory behind. */
    private static void abandon(Path staging, FileChannel channel, IOException failure) {
        try {
            if (channel != null) {
                channel.close();
            }
            if (staging != null && Files.exists(staging)) {
                delete(staging);
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    public Path path() {
        return path;
    }

    /** Removes the directory (nothing in it is in use once the lanes and syncs have stopped) and its lock. */
    @Override
    public void close() {
        try (channel) {
            delete(path);
            HELD_HERE.remove(path);
        } catch (IOException e) {
            log.warn("temporary directory not removed path={} cause={}", path, e.getMessage());
        }
    }

    /** Never fails the claim: what it cannot remove now, the next start tries again. */
    private static void sweep(Path base) {
        int removed = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir) && removeIfUnlocked(dir)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("temporary directories of stopped instances not looked for base={} cause={}", base, e.getMessage());
        }
        if (removed > 0) {
            log.info("temporary files of stopped worker instances removed directories={} base={}", removed, base);
        }
    }

    private static boolean removeIfUnlocked(Path dir) {
        try {
            if (HELD_HERE.contains(dir.toRealPath())) {
                return false;
            }
        } catch (IOException e) {
            return false; // gone meanwhile: another instance starting at the same time removed it
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            delete(dir);
            return true;
        } catch (NoSuchFileException e) {
            // not one of ours (ours are renamed into place only once their lock exists), or removed meanwhile
            return false;
        } catch (IOException e) {
            log.warn("temporary directory of a stopped instance not removed path={} cause={}", dir, e.getMessage());
            return false;
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
