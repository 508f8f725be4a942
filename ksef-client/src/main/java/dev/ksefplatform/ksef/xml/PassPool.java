package dev.ksefplatform.ksef.xml;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Idle {@link SinglePass}es for reuse: a parser and a validator cost far more to create than to reset. A caller
 * takes one for the length of one document; at most {@link #MAX_IDLE} wait between uses, so memory stays bounded
 * whatever the number of threads.
 */
final class PassPool {

    static final int MAX_IDLE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final Supplier<SinglePass> factory;
    private final Queue<SinglePass> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    PassPool(Supplier<SinglePass> factory) {
        this.factory = factory;
    }

    <T> T apply(Function<SinglePass, T> use) {
        SinglePass pass = idle.poll();
        if (pass == null) {
            pass = factory.get();
        } else {
            idleCount.decrementAndGet();
        }
        T result = use.apply(pass);
        if (idleCount.incrementAndGet() <= MAX_IDLE) {
            idle.offer(pass);
        } else {
            idleCount.decrementAndGet();
        }
        return result;
    }
}
