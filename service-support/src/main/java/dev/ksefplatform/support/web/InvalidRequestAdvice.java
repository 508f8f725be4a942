package dev.ksefplatform.support.web;

import dev.ksefplatform.support.paging.CursorNotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/**
 * Bad parameters become {@code 400 invalid-request} problems. Registered by each service as a bean; ordered
 * last, so a service's own advice for its domain exceptions is asked first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class InvalidRequestAdvice {

    @ExceptionHandler(IllegalArgumentException.class)
    public ProblemDetail invalid(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
    }

    @ExceptionHandler(CursorNotFound.class)
    public ProblemDetail cursorNotFound(CursorNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "cursor-not-found", e.getMessage());
    }

    @ExceptionHandler(ServerWebInputException.class)
    public ProblemDetail badInput(ServerWebInputException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", e.getReason());
    }
}
