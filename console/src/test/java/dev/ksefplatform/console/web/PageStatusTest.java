package dev.ksefplatform.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PageStatusTest {

    @Test
    void aRefusalKeepsItsOwnClientErrorStatus() {
        assertThat(PageAdvice.pageStatus(400)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(PageAdvice.pageStatus(404)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(PageAdvice.pageStatus(409)).isEqualTo(HttpStatus.CONFLICT);
        assertThat(PageAdvice.pageStatus(422)).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(PageAdvice.pageStatus(429)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void theConsolesOwnTokenRefusedIsForbiddenToTheViewer() {
        assertThat(PageAdvice.pageStatus(401)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(PageAdvice.pageStatus(403)).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aFailureOrAnUnknownStatusIsServiceUnavailable() {
        assertThat(PageAdvice.pageStatus(500)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(PageAdvice.pageStatus(502)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(PageAdvice.pageStatus(0)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(PageAdvice.pageStatus(299)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
