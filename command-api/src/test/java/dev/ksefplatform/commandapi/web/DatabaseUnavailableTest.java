package dev.ksefplatform.commandapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * What command-api answers while its database is down or restarting (the fault suite's RestartsIT saw 500s before):
 * the exceptions R2DBC and Spring raise then become 503 problem+json with Retry-After, never naming the host.
 */
class DatabaseUnavailableTest {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void connectionFailuresAndTransientErrorsAre503WithRetryAfterAndNoInternals() {
        List<Exception> failures = List.of(
                new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
                        new R2dbcNonTransientResourceException("Connection refused: postgres.internal/10.0.0.7:5432")),
                new QueryTimeoutException("timeout"),
                new R2dbcNonTransientResourceException("Connection closed"));

        for (Exception failure : failures) {
            ResponseEntity<ProblemDetail> answer = advice.databaseUnavailable(failure);

            assertThat(answer.getStatusCode().value()).as(failure.toString()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(answer.getBody().getType().toString()).isEqualTo(ProblemAdvice.TYPE_BASE + "service-unavailable");
            assertThat(answer.getBody().getDetail()).doesNotContain("postgres", "10.0.0.7", "R2DBC");
        }
    }
}
