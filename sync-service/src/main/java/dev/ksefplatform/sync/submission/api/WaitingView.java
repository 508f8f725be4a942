package dev.ksefplatform.sync.submission.api;

import dev.ksefplatform.sync.submission.domain.ContextHold;
import java.time.Instant;

/** Why a context's submissions wait: RATE_LIMIT, INTEGRATION_NOT_ACTIVE, PERMISSION_CHECK or KSEF_UNAVAILABLE. */
public record WaitingView(String reason, String detail, String limitGroup, Instant until) {

    static WaitingView of(ContextHold hold) {
        return new WaitingView(hold.reason(), hold.detail(), hold.limitGroup(), hold.until());
    }
}
