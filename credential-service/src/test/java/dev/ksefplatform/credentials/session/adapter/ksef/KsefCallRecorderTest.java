package dev.ksefplatform.credentials.session.adapter.ksef;

import dev.ksefplatform.credentials.integration.domain.Cause;
import dev.ksefplatform.credentials.session.application.CauseScope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.credentials.integration.domain.KsefCall;
import dev.ksefplatform.ksef.client.KsefCallObserver.ObservedCall;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KsefCallRecorderTest {

    private final List<List<KsefCall>> audited = new ArrayList<>();
    private final List<Cause> causes = new ArrayList<>();
    private final KsefCallRecorder recorder = new KsefCallRecorder((environment, contextNip, cause, calls) -> {
        causes.add(cause);
        audited.add(calls);
    },
            Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void foldsTheStatusPollsOfOneLoginIntoOneRunAndHandsTheCallsOverOnceTheOutermostScopeEnds() {
        recorder.recording("TEST", "5265877635", () -> {
            recorder.called(new ObservedCall("POST", "/auth/challenge", 200, 5, null, null));
            recorder.called(new ObservedCall("GET", "/auth/{id}", 200, 3, null, null));
            recorder.recording("TEST", "5265877635", () -> {
                recorder.called(new ObservedCall("GET", "/auth/{id}", 200, 4, null, null));
                return null;
            });
            recorder.called(new ObservedCall("GET", "/auth/{id}", 400, 2, 21301, "refused"));
            return null;
        });

        assertThat(audited).singleElement().satisfies(calls -> assertThat(calls)
                .extracting(KsefCall::endpoint, KsefCall::calls, KsefCall::httpStatus, KsefCall::durationMillis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/auth/challenge", 1, 200, 5L),
                        org.assertj.core.groups.Tuple.tuple("/auth/{id}", 2, 200, 7L),
                        org.assertj.core.groups.Tuple.tuple("/auth/{id}", 1, 400, 2L)));
    }

    @Test
    void recordsNothingOutsideAScopeAndHandsOverTheCallsOfAFailedOne() {
        recorder.called(new ObservedCall("POST", "/auth/challenge", 200, 5, null, null));
        try {
            recorder.recording("TEST", "5265877635", () -> {
                recorder.called(new ObservedCall("POST", "/auth/ksef-token", 0, 20000, null, "timeout"));
                throw new IllegalStateException("failed");
            });
        } catch (IllegalStateException expected) {
            // the scope ended by a failure
        }

        assertThat(audited).singleElement().satisfies(calls -> assertThat(calls).singleElement()
                .satisfies(call -> assertThat(call.error()).isEqualTo("timeout")));
        assertThat(causes).containsExactly(Cause.SYSTEM);
    }

    @Test
    void namesTheCauseCurrentWhenTheOutermostScopeOpened() {
        Cause lease = Cause.worker("corr-1", "command-1");
        CauseScope.within(lease, () -> recorder.recording("TEST", "5265877635", () -> {
            CauseScope.within(Cause.SYSTEM, () -> recorder.recording("TEST", "5265877635", () -> {
                recorder.called(new ObservedCall("POST", "/auth/challenge", 200, 5, null, null));
                return null;
            }));
            return null;
        }));

        assertThat(causes).containsExactly(lease);
        assertThat(CauseScope.current()).isEqualTo(Cause.SYSTEM);
    }
}
