package dev.ksefplatform.worker.engine.adapter.ksef;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other instances are real OS processes: the OS lock is what tells a live instance from a dead one. */
class ScratchDirectoryTest {

    @TempDir
    Path base;

    @Test
    void removesWhatAKilledInstanceLeftAndNeverWhatALiveOneHolds() throws Exception {
        Process other = holder();
        try {
            Path othersDir = Path.of(new BufferedReader(new InputStreamReader(other.getInputStream(),
                    StandardCharsets.UTF_8)).readLine());
            assertThat(othersDir.resolve("batch.zip")).exists();

            try (ScratchDirectory first = ScratchDirectory.claim(base)) {
                assertThat(othersDir.resolve("batch.zip")).as("alive: kept").exists();

                other.destroyForcibly();
                assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
                try (ScratchDirectory second = ScratchDirectory.claim(base)) {
                    assertThat(othersDir).as("killed: removed").doesNotExist();
                    assertThat(first.path()).as("this JVM's other instance: kept").isDirectory();
                    assertThat(second.path()).isDirectory().isNotEqualTo(first.path());
                }
            }
            assertThat(base.toFile().list()).as("each removed its own on close").isEmpty();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void leavesWhatIsNotAnInstancesDirectoryAlone() throws Exception {
        Path unlocked = Files.createDirectory(base.resolve(ScratchDirectory.PREFIX + "without-lock"));
        Path loose = Files.writeString(base.resolve("ksef-123.zip"), "an older version's file");

        try (ScratchDirectory scratch = ScratchDirectory.claim(base)) {
            assertThat(scratch.path().getFileName().toString()).startsWith(ScratchDirectory.PREFIX);
            assertThat(unlocked).isDirectory();
            assertThat(loose).exists();
        }
    }

    private Process holder() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Holder.class.getName(),
                base.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Another instance: claims, leaves a file as a killed batch would, says where, and waits to be killed. */
    static final class Holder {
        public static void main(String[] args) throws Exception {
            ScratchDirectory scratch = ScratchDirectory.claim(Path.of(args[0]));
            Files.writeString(scratch.path().resolve("batch.zip"), "invoices in the clear");
            System.out.println(scratch.path());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
