package dev.ksefplatform.audit.log.api;

import dev.ksefplatform.audit.log.application.AuditQueryTimedOut;
import dev.ksefplatform.support.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
public class AuditProblems {

    @ExceptionHandler(AuditQueryTimedOut.class)
    public ProblemDetail timedOut(AuditQueryTimedOut e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "audit-query-timeout", e.getMessage());
    }
}
