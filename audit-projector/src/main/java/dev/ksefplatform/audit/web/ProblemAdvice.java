package dev.ksefplatform.audit.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** The one place REST errors become RFC 7807 problems with a stable type. */
@RestControllerAdvice
public class ProblemAdvice {

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ProblemDetail badInput(ServerWebInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getReason());
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://ksef-platform.dev/problems/" + slug));
        return problem;
    }
}
