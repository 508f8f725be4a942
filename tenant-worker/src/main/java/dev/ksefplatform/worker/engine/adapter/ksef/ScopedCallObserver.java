package dev.ksefplatform.worker.engine.adapter.ksef;

import dev.ksefplatform.ksef.client.KsefCallObserver;
import dev.ksefplatform.worker.engine.application.CallLog;
import dev.ksefplatform.worker.engine.application.CallScope;
import dev.ksefplatform.worker.engine.application.Lease;
import java.time.Clock;

/** Puts every KSeF exchange of a lane or a sync into the call log, under the scope of the thread that made it. */
public final class ScopedCallObserver implements KsefCallObserver {

    private final CallLog log;
    private final Clock clock;

    public ScopedCallObserver(CallLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void called(ObservedCall call) {
        CallScope.current().ifPresent(scope -> {
            Lease lease = scope.lease().get();
            log.add(new CallLog.Call(scope.lane(), scope.cause(), lease == null ? null : lease.integrationId(),
                    lease == null ? null : lease.providerNip(), call.method(), call.endpoint(), call.httpStatus(),
                    call.durationMillis(), call.exceptionCode(), call.error(),
                    clock.instant().minusMillis(call.durationMillis())));
        });
    }
}
