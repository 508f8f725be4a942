package dev.ksefplatform.sync.web;

import dev.ksefplatform.support.web.Problems;
import dev.ksefplatform.sync.document.application.DocumentNotAvailable;
import dev.ksefplatform.sync.inbox.application.InboxInvoiceNotFound;
import dev.ksefplatform.sync.schedule.application.InboxSyncUnavailable;
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

    @ExceptionHandler(InboxInvoiceNotFound.class)
    ProblemDetail notFound(InboxInvoiceNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "inbox-invoice-not-found", e.getMessage());
    }

    @ExceptionHandler(DocumentNotAvailable.class)
    ProblemDetail notAvailable(DocumentNotAvailable e) {
        return Problems.of(HttpStatus.NOT_FOUND, e.problemType(), e.getMessage());
    }

    @ExceptionHandler(InboxSyncUnavailable.class)
    ProblemDetail unavailable(InboxSyncUnavailable e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "inbox-sync-unavailable", e.getMessage());
        if (e.integrationStatus() != null) {
            problem.setProperty("integrationStatus", e.integrationStatus());
        }
        return problem;
    }
}
