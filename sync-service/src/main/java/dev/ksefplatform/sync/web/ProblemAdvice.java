package dev.ksefplatform.sync.web;

import dev.ksefplatform.support.web.Problems;
import dev.ksefplatform.sync.submission.application.SubmissionNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** This service's domain exceptions as RFC 7807 problems; bad input is the library's {@code InvalidRequestAdvice}. */
@RestControllerAdvice
public class ProblemAdvice {

    @ExceptionHandler(SubmissionNotFound.class)
    ProblemDetail notFound(SubmissionNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "submission-not-found", e.getMessage());
    }
}
