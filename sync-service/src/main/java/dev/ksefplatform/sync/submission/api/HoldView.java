package dev.ksefplatform.sync.submission.api;

import dev.ksefplatform.sync.submission.domain.ContextHold;
import java.time.Instant;

/** A context of the tenant that holds its submissions, and since when. */
public record HoldView(String contextNip, String environment, String reason, String detail, String limitGroup,
                       Instant until, long queued, Instant since) {

    static HoldView of(ContextHold hold) {
        return new HoldView(hold.contextNip(), hold.environment(), hold.reason(), hold.detail(), hold.limitGroup(),
                hold.until(), hold.queued(), hold.updatedAt());
    }
}
