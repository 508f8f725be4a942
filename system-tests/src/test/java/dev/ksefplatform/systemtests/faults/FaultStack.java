package dev.ksefplatform.systemtests.faults;

import dev.ksefplatform.deploy.PlatformClient;
import dev.ksefplatform.deploy.ProcessPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The fault suite's stack: PostgreSQL and a Kafka broker as processes of their own (so a test can stop, kill and restart
 * them) under every service as a process ({@link FaultPlatform}). Starting it takes about a minute of the two cores, so
 * the suite's classes share one, started by the first that asks ({@link Shared}) and closed by JUnit when the run ends.
 * The classes run last, in the order of {@link #RESTARTS} and {@link #KILLS}: a worker killed stays dead.
 */
final class FaultStack implements ExtensionContext.Store.CloseableResource {

    static final int RESTARTS = Integer.MAX_VALUE - 1;
    static final int KILLS = Integer.MAX_VALUE;

    final Postgres postgres;
    final KafkaBroker kafka;
    final ProcessPlatform platform;
    final List<PlatformClient> gateways;

    private FaultStack(Postgres postgres, KafkaBroker kafka, ProcessPlatform platform) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.platform = platform;
        this.gateways = FaultPlatform.clients(platform);
    }

    /** Gives a {@code FaultStack} parameter to a fault class's {@code @BeforeAll}: the run's one stack. */
    static final class Shared implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == FaultStack.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(FaultStack.class, k -> start(), FaultStack.class);
        }
    }

    private static FaultStack start() {
        Postgres postgres = new Postgres(freshDirectory("postgres"));
        postgres.start();
        KafkaBroker kafka = new KafkaBroker(freshDirectory("kafka"));
        try {
            kafka.startFresh();
            long t0 = System.nanoTime();
            ProcessPlatform platform = FaultPlatform.start(kafka.bootstrapServers(), postgres.database());
            System.out.printf("FIGURE faults: eight processes (two workers, two command-apis) ready in %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);
            return new FaultStack(postgres, kafka, platform);
        } catch (RuntimeException e) {
            kafka.close();
            postgres.close();
            throw e;
        }
    }

    @Override
    public void close() {
        platform.close();
        kafka.close();
        postgres.close();
    }

    static Path freshDirectory(String name) {
        try {
            Files.createDirectories(Path.of("target", "fault-data"));
            return Files.createTempDirectory(Path.of("target", "fault-data"), name).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
