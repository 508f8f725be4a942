package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The KSeF calls made since the last drain, for the audit ({@code KsefCallRecorded}). Adding never blocks a lane (a
 * full log counts what it drops, a metric an alert can fire on). A drain folds the calls of one (context, endpoint,
 * status, code, cause) into one run with their count, so a lane polling a batch session every few seconds makes one
 * record per drain interval, not one per poll.
 */
public final class CallLog {

    private final BlockingQueue<Call> calls;
    private final AtomicLong dropped = new AtomicLong();

    public CallLog(int capacity) {
        this.calls = new ArrayBlockingQueue<>(capacity);
    }

    /** One HTTP exchange with KSeF. */
    public record Call(LaneKey lane, CommandRef cause, String integrationId, String providerNip, String method,
                       String endpoint, int httpStatus, long durationMillis, Integer ksefCode, String error, Instant at) {
    }

    /** Calls folded together: the first one's time and error, their count and total duration. */
    public record Run(Call first, int calls, long durationMillis) {
    }

    public void add(Call call) {
        if (!calls.offer(call)) {
            dropped.incrementAndGet();
        }
    }

    public long dropped() {
        return dropped.get();
    }

    public List<Run> drain() {
        List<Call> drained = new ArrayList<>();
        calls.drainTo(drained);
        Map<List<Object>, Run> runs = new LinkedHashMap<>();
        for (Call call : drained) {
            List<Object> key = java.util.Arrays.asList(call.lane(), call.cause().commandId(), call.method(),
                    call.endpoint(), call.httpStatus(), call.ksefCode());
            runs.merge(key, new Run(call, 1, call.durationMillis()),
                    (a, b) -> new Run(a.first(), a.calls() + 1, a.durationMillis() + b.durationMillis()));
        }
        return List.copyOf(runs.values());
    }
}
