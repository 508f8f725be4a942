package dev.ksefplatform.worker.it;

import dev.ksefplatform.worker.TenantWorkerApplication;
import dev.ksefplatform.worker.engine.application.CrashPoints;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker process that dies like {@code kill -9} — {@code Runtime.halt}: no shutdown hook, no commit, no close —
 * the {@code n}-th time it reaches a crash point. Run as its own JVM by {@link CrashRecoveryIT}.
 * Arguments: the point, n, then the worker's own arguments.
 */
public final class CrashingWorker {

    private CrashingWorker() {
    }

    public static void main(String[] args) {
        String point = args[0];
        int nth = Integer.parseInt(args[1]);
        AtomicInteger reached = new AtomicInteger();
        CrashPoints crash = at -> {
            if (at.equals(point) && reached.incrementAndGet() == nth) {
                System.out.println("CRASHING at " + at + " #" + nth);
                Runtime.getRuntime().halt(137);
            }
        };
        String[] workerArgs = java.util.Arrays.copyOfRange(args, 2, args.length);
        TenantWorkerApplication.builder()
                .initializers(context -> context.getBeanFactory().registerSingleton("crashPoints", crash))
                .run(workerArgs);
    }
}
