package dev.ksefplatform.support.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 7807 problems with the platform's stable {@code type} URIs (CONTRACTS §4). */
public final class Problems {

    public static final String TYPE_PREFIX = "https://ksef-platform.dev/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        return problem;
    }
}
