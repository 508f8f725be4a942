package dev.ksefplatform.simulator.error;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/** Maps errors to the spec's bodies: 400 legacy or problem+json by header, 401/403 always problem+json. */
@RestControllerAdvice
public class ErrorAdvice {

    static final String ERROR_FORMAT = "X-Error-Format";

    private final Clock clock;

    public ErrorAdvice(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(KsefException.class)
    public ResponseEntity<Map<String, Object>> badRequest(KsefException e, ServerWebExchange exchange) {
        if ("problem-details".equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst(ERROR_FORMAT))) {
            return problem(HttpStatus.BAD_REQUEST, problemDetails(e, exchange));
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(legacy(e));
    }

    @ExceptionHandler(ServerWebInputException.class)
    public ResponseEntity<Map<String, Object>> unreadable(ServerWebInputException e, ServerWebExchange exchange) {
        return badRequest(KsefException.validation(e.getReason() == null ? "Nieprawidłowe żądanie." : e.getReason()),
                exchange);
    }

    @ExceptionHandler(SimRequestInvalid.class)
    public ResponseEntity<Map<String, Object>> simInvalid(SimRequestInvalid e, ServerWebExchange exchange) {
        Map<String, Object> body = base("Invalid request", 400, e.getMessage(), exchange);
        body.put("type", "https://ksef-platform.dev/problems/invalid-request");
        return problem(HttpStatus.BAD_REQUEST, body);
    }

    @ExceptionHandler(Unauthorized.class)
    public ResponseEntity<Map<String, Object>> unauthorized(Unauthorized e, ServerWebExchange exchange) {
        Map<String, Object> body = base("Unauthorized", 401, e.getMessage(), exchange);
        return problem(HttpStatus.UNAUTHORIZED, body);
    }

    @ExceptionHandler(MissingPermissions.class)
    public ResponseEntity<Map<String, Object>> forbidden(MissingPermissions e, ServerWebExchange exchange) {
        Map<String, Object> body = base("Forbidden", 403, e.getMessage(), exchange);
        body.put("reasonCode", "missing-permissions");
        body.put("security", Map.of("requiredAnyOfPermissions", e.required(), "presentPermissions", e.present()));
        return problem(HttpStatus.FORBIDDEN, body);
    }

    @ExceptionHandler(ResourceAccessDenied.class)
    public ResponseEntity<Map<String, Object>> denied(ResourceAccessDenied e, ServerWebExchange exchange) {
        Map<String, Object> body = base("Forbidden", 403, e.getMessage(), exchange);
        body.put("reasonCode", "insufficient-resource-access");
        return problem(HttpStatus.FORBIDDEN, body);
    }

    private Map<String, Object> problemDetails(KsefException e, ServerWebExchange exchange) {
        Map<String, Object> body = base("Bad Request", 400, e.description(), exchange);
        body.put("errors", List.of(Map.of("code", e.code(), "description", e.description(), "details", e.details())));
        return body;
    }

    private Map<String, Object> legacy(KsefException e) {
        Map<String, Object> detail = Map.of("exceptionCode", e.code(),
                "exceptionDescription", e.description(), "details", e.details());
        Map<String, Object> exception = new LinkedHashMap<>();
        exception.put("exceptionDetailList", List.of(detail));
        exception.put("serviceCode", UUID.randomUUID().toString());
        exception.put("serviceCtx", "srvTEMFA");
        exception.put("serviceName", "ksef-simulator");
        exception.put("timestamp", Instant.now(clock));
        return Map.of("exception", exception);
    }

    private Map<String, Object> base(String title, int status, String detail, ServerWebExchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("timestamp", Instant.now(clock));
        body.put("traceId", exchange.getRequest().getId());
        return body;
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, Map<String, Object> body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
