package dev.ksefplatform.audit.log.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.audit.log.application.AuditQueryTimedOut;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class AuditProblemsTest {

    @Test
    void queryCancelledByItsTimeoutIsAServiceUnavailableProblemThatSaysHowToNarrowIt() {
        ProblemDetail problem = new AuditProblems().timedOut(new AuditQueryTimedOut(new RuntimeException("57014")));

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getType()).hasToString("https://ksef-platform.dev/problems/audit-query-timeout");
        assertThat(problem.getDetail()).contains("from and to");
    }
}
