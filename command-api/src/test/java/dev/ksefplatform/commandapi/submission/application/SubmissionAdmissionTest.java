package dev.ksefplatform.commandapi.submission.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.testsupport.CapturedLogs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class SubmissionAdmissionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SubmissionAdmission admission = new SubmissionAdmission(2, 3, meters);

    @Test
    void aTenantOverItsBoundIsRefusedWithoutItsSubmissionBeingRun() {
        Sinks.One<String> first = Sinks.one();
        Disposable a1 = admission.admit("a", first.asMono()).subscribe();
        Disposable a2 = admission.admit("a", Mono.<String>never()).subscribe();
        AtomicInteger runs = new AtomicInteger();

        StepVerifier.create(admission.admit("a", Mono.fromCallable(runs::incrementAndGet)))
                .expectError(TenantSubmissionsInFlight.class).verify();

        assertThat(runs).hasValue(0);
        assertThat(admission.inFlight("a")).isEqualTo(2);
        assertThat(refused("tenant")).isEqualTo(1.0);
        assertThat(refused("total")).isZero();
        assertThat(meters.get("ksef.gateway.submissions.in.flight").gauge().value()).isEqualTo(2.0);
        a2.dispose();
        a1.dispose();
    }

    @Test
    void aTenantsRefusalsAreLoggedOnceAMinuteWithItsId() {
        Disposable a1 = admission.admit("a", Mono.never()).subscribe();
        Disposable a2 = admission.admit("a", Mono.never()).subscribe();

        try (CapturedLogs logs = CapturedLogs.attach()) {
            for (int i = 0; i < 3; i++) {
                StepVerifier.create(admission.admit("a", Mono.just("x"))).expectError(TenantSubmissionsInFlight.class)
                        .verify();
            }

            assertThat(logs.entries()).filteredOn(e -> e.logger().endsWith("SubmissionAdmission"))
                    .singleElement().satisfies(e -> {
                        assertThat(e.level()).isEqualTo("WARN");
                        assertThat(e.message()).contains("tenantId=a");
                    });
        }
        assertThat(refused("tenant")).isEqualTo(3.0);
        a1.dispose();
        a2.dispose();
    }

    @Test
    void anotherTenantIsAdmittedWhileOneIsAtItsBound() {
        Disposable a1 = admission.admit("a", Mono.never()).subscribe();
        Disposable a2 = admission.admit("a", Mono.never()).subscribe();

        StepVerifier.create(admission.admit("b", Mono.just("accepted"))).expectNext("accepted").verifyComplete();

        a1.dispose();
        a2.dispose();
    }

    @Test
    void theGatewaysBoundRefusesEveryTenantOnceReached() {
        Disposable a1 = admission.admit("a", Mono.never()).subscribe();
        Disposable b1 = admission.admit("b", Mono.never()).subscribe();
        Disposable c1 = admission.admit("c", Mono.never()).subscribe();

        StepVerifier.create(admission.admit("d", Mono.just("accepted"))).expectError(GatewayBusy.class).verify();
        assertThat(admission.inFlight("d")).isZero();
        assertThat(refused("total")).isEqualTo(1.0);
        assertThat(refused("tenant")).isZero();

        a1.dispose();
        b1.dispose();
        c1.dispose();
    }

    @Test
    void aPermitComesBackWhenTheSubmissionAnswersFailsOrIsCancelled() {
        Sinks.One<String> answered = Sinks.one();
        Sinks.One<String> failed = Sinks.one();
        admission.admit("a", answered.asMono()).subscribe();
        admission.admit("a", failed.asMono()).subscribe(v -> { }, e -> { });

        answered.tryEmitValue("accepted");
        failed.tryEmitError(new IllegalStateException("database down"));
        assertThat(admission.inFlight("a")).isZero();

        Disposable held = admission.admit("a", Mono.never()).subscribe();
        Disposable other = admission.admit("a", Mono.never()).subscribe();
        held.dispose(); // the client went away
        StepVerifier.create(admission.admit("a", Mono.just("accepted"))).expectNext("accepted").verifyComplete();
        other.dispose();
        assertThat(admission.inFlight("a")).isZero();
        assertThat(meters.get("ksef.gateway.submissions.in.flight").gauge().value()).isZero();
    }

    private double refused(String reason) {
        return meters.get("ksef.gateway.submissions.refused").tag("reason", reason).counter().count();
    }
}
