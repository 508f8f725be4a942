package dev.ksefplatform.worker;

import dev.ksefplatform.worker.engine.application.Engine;
import dev.ksefplatform.worker.intake.adapter.kafka.CommandIntake;
import dev.ksefplatform.worker.outbox.application.OutboxRelay;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the worker's three loops with the context — the relay, the lanes, then the intake — and stops them in the
 * reverse order: the intake leaves its partitions (the lanes drain their steps), the lanes stop, and the relay
 * publishes what is left before it goes.
 */
public class WorkerRuntime implements SmartLifecycle {

    private final Engine engine;
    private final CommandIntake intake;
    private final OutboxRelay relay;
    private final Duration drain;
    private Thread intakeThread;
    private Thread relayThread;
    private volatile boolean running;

    public WorkerRuntime(Engine engine, CommandIntake intake, OutboxRelay relay, Duration drain) {
        this.engine = engine;
        this.intake = intake;
        this.relay = relay;
        this.drain = drain;
    }

    @Override
    public synchronized void start() {
        relayThread = new Thread(relay, "outbox-relay");
        relayThread.start();
        engine.start();
        intakeThread = new Thread(intake, "command-intake");
        intakeThread.start();
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        intake.stop();
        join(intakeThread);
        engine.stop(drain);
        relay.relayOnce();
        relay.stop();
        join(relayThread);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Why the worker cannot work, if it cannot. */
    public Optional<String> failure() {
        if (!running) {
            return Optional.of("not started");
        }
        if (!relayThread.isAlive()) {
            return Optional.of("outbox relay stopped");
        }
        return intake.failure().or(() -> intakeThread.isAlive() ? Optional.empty() : Optional.of("intake stopped"));
    }

    private void join(Thread thread) {
        try {
            thread.join(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
