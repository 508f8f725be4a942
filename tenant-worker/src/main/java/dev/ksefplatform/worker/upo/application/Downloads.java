package dev.ksefplatform.worker.upo.application;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a round's UPO downloads on a bounded pool of threads and returns once every one has run. A pre-signed download
 * is a round trip to KSeF's storage, tens of milliseconds away: one after the other, a thread publishes a few dozen
 * UPOs a second, less than one instance accepts. With one thread they run in the calling thread. Closed (a Spring bean's
 * destroy) it stops its threads.
 */
public final class Downloads implements AutoCloseable {

    private final ExecutorService pool;

    /** {@code threads} downloads at once at most, on daemon threads named {@code name-#}. */
    public Downloads(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        this.pool = threads < 2 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Runs {@code work} for every item; if any threw, the first is thrown once all have ended. */
    <T> void each(List<T> items, Consumer<T> work) {
        if (pool == null || items.size() < 2) {
            items.forEach(work);
            return;
        }
        List<Future<?>> running = new ArrayList<>(items.size());
        items.forEach(item -> running.add(pool.submit(() -> work.accept(item))));
        RuntimeException first = null;
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(f -> f.cancel(true));
                throw new IllegalStateException("interrupted while the round's downloads ran", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
