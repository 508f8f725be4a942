package dev.ksefplatform.credentials.session.adapter.ksef;

import dev.ksefplatform.credentials.integration.domain.Cause;
import dev.ksefplatform.credentials.integration.domain.KsefCall;
import dev.ksefplatform.credentials.session.application.CauseScope;
import dev.ksefplatform.credentials.session.application.KsefCallAudit;
import dev.ksefplatform.ksef.client.KsefCallObserver;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the HTTP calls ksef-client makes on this thread (it sends synchronously on the caller's thread) while an
 * adapter acts for one context, folds alike neighbours (the status polls of one login) and hands them to the audit
 * when the outermost scope ends, whether it succeeded or failed, with the cause current when the scope opened.
 */
final class KsefCallRecorder implements KsefCallObserver {

    private static final ThreadLocal<List<KsefCall>> CALLS = new ThreadLocal<>();

    private final KsefCallAudit audit;
    private final Clock clock;

    KsefCallRecorder(KsefCallAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void called(ObservedCall call) {
        List<KsefCall> calls = CALLS.get();
        if (calls != null) {
            Instant first = clock.instant().minusMillis(call.durationMillis());
            calls.add(new KsefCall(call.method(), call.endpoint(), 1, first, call.httpStatus(), call.durationMillis(),
                    call.exceptionCode(), call.error()));
        }
    }

    <T> T recording(String environment, String contextNip, Supplier<T> work) {
        if (CALLS.get() != null) {
            return work.get();
        }
        List<KsefCall> calls = new ArrayList<>();
        Cause cause = CauseScope.current();
        CALLS.set(calls);
        try {
            return work.get();
        } finally {
            CALLS.remove();
            if (!calls.isEmpty()) {
                audit.recorded(environment, contextNip, cause, folded(calls));
            }
        }
    }

    static List<KsefCall> folded(List<KsefCall> calls) {
        List<KsefCall> runs = new ArrayList<>();
        for (KsefCall call : calls) {
            int last = runs.size() - 1;
            if (last >= 0 && runs.get(last).alike(call)) {
                runs.set(last, runs.get(last).and(call));
            } else {
                runs.add(call);
            }
        }
        return List.copyOf(runs);
    }
}
