package dev.ksefplatform.worker.submission.adapter.ksef;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.ksef.client.error.KsefApiException;
import dev.ksefplatform.ksef.client.error.KsefError;
import dev.ksefplatform.ksef.client.error.KsefForbiddenException;
import dev.ksefplatform.ksef.client.error.KsefRateLimitedException;
import dev.ksefplatform.ksef.client.error.KsefServerException;
import dev.ksefplatform.ksef.client.error.KsefTransportException;
import dev.ksefplatform.ksef.client.error.KsefUnauthorizedException;
import dev.ksefplatform.ksef.client.error.KsefUnexpectedResponseException;
import dev.ksefplatform.worker.submission.application.KsefRefusal;
import dev.ksefplatform.worker.submission.application.TransientFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KsefFailuresTest {

    @Test
    void rateLimitIsTransientAndKeepsRetryAfter() {
        RuntimeException failure = KsefFailures.translate(new KsefRateLimitedException(Duration.ofSeconds(42)));

        assertThat(failure).isInstanceOf(TransientFailure.class);
        assertThat(((TransientFailure) failure).retryAfter()).hasValue(Duration.ofSeconds(42));
        assertThat(((TransientFailure) failure).httpStatus()).isEqualTo(429);
    }

    @Test
    void serverErrorsFirewallPagesAndIoAreTransient() {
        assertThat(KsefFailures.translate(new KsefServerException(503))).isInstanceOf(TransientFailure.class);
        assertThat(KsefFailures.translate(new KsefUnexpectedResponseException(200, "HTML page", null)))
                .isInstanceOf(TransientFailure.class);
        assertThat(KsefFailures.translate(new KsefTransportException("timeout", new IOException("timeout"))))
                .isInstanceOf(TransientFailure.class);
    }

    @Test
    void expiredAccessTokenIsTransientSoTheNextAttemptLeasesAFreshOne() {
        assertThat(KsefFailures.translate(new KsefUnauthorizedException("expired")))
                .isInstanceOf(TransientFailure.class);
    }

    @Test
    void missingPermissionsAndBadRequestsAreFinalRefusals() {
        RuntimeException forbidden = KsefFailures.translate(new KsefForbiddenException("missing-permissions"));
        RuntimeException invalid = KsefFailures.translate(
                new KsefApiException(400, List.of(new KsefError(21405, "Błąd walidacji danych wejściowych", List.of()))));

        assertThat(forbidden).isInstanceOf(KsefRefusal.class);
        assertThat(((KsefRefusal) forbidden).httpStatus()).isEqualTo(403);
        assertThat(invalid).isInstanceOf(KsefRefusal.class).hasMessageContaining("21405");
    }
}
