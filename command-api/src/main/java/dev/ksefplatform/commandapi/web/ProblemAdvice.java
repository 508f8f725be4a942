package dev.ksefplatform.commandapi.web;

import dev.ksefplatform.commandapi.inbox.application.InboxInvoiceNotFound;
import dev.ksefplatform.commandapi.inbox.application.InboxSyncRunning;
import dev.ksefplatform.commandapi.inbox.application.InboxSyncUnavailable;
import dev.ksefplatform.commandapi.integration.application.CredentialServiceUnavailable;
import dev.ksefplatform.commandapi.integration.application.IntegrationNotFound;
import dev.ksefplatform.commandapi.integration.application.IntegrationRefused;
import dev.ksefplatform.commandapi.integration.domain.InvalidIntegration;
import dev.ksefplatform.commandapi.security.NotAuthenticated;
import dev.ksefplatform.commandapi.webhook.application.InvalidWebhook;
import dev.ksefplatform.commandapi.webhook.application.WebhookDeliveriesPending;
import dev.ksefplatform.commandapi.webhook.application.WebhookNotFound;
import dev.ksefplatform.commandapi.security.NotPermitted;
import dev.ksefplatform.commandapi.submission.application.CommandNotFound;
import dev.ksefplatform.commandapi.submission.application.DocumentNotAvailable;
import dev.ksefplatform.commandapi.submission.application.GatewayBusy;
import dev.ksefplatform.commandapi.submission.application.TenantSubmissionsInFlight;
import dev.ksefplatform.commandapi.submission.application.IdempotencyKeyReused;
import dev.ksefplatform.commandapi.submission.application.InvalidIdempotencyKey;
import dev.ksefplatform.commandapi.submission.domain.InvoiceInvalid;
import dev.ksefplatform.commandapi.submission.domain.InvoiceNotUtf8;
import dev.ksefplatform.commandapi.submission.domain.InvoiceOverLimit;
import dev.ksefplatform.commandapi.submission.domain.InvoiceTooLarge;
import dev.ksefplatform.commandapi.submission.domain.SellerNotTenant;
import dev.ksefplatform.commandapi.submission.domain.UnsupportedInvoiceMediaType;
import dev.ksefplatform.commandapi.tenant.application.NipAlreadyRegistered;
import dev.ksefplatform.commandapi.tenant.domain.InvalidNip;
import dev.ksefplatform.commandapi.tenant.domain.InvalidTenant;
import io.netty.channel.ChannelException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/** The one place exceptions become RFC 7807 problems, each with a stable type. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    static final String TYPE_BASE = "https://ksef-platform.dev/problems/";
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler
    ProblemDetail notAuthenticated(NotAuthenticated e) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Not authenticated", e);
    }

    @ExceptionHandler
    ProblemDetail notPermitted(NotPermitted e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Not permitted", e);
    }

    @ExceptionHandler
    ProblemDetail invalidNip(InvalidNip e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-nip", "Invalid NIP", e);
    }

    @ExceptionHandler
    ProblemDetail invalidTenant(InvalidTenant e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e);
    }

    @ExceptionHandler
    ProblemDetail nipTaken(NipAlreadyRegistered e) {
        return problem(HttpStatus.CONFLICT, "nip-already-registered", "NIP already has a tenant", e);
    }

    @ExceptionHandler
    ProblemDetail unsupportedMediaType(UnsupportedInvoiceMediaType e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type", e);
    }

    @ExceptionHandler
    ProblemDetail tooLarge(InvoiceTooLarge e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Invoice too large", e);
    }

    @ExceptionHandler
    ProblemDetail notUtf8(InvoiceNotUtf8 e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-encoding", "Invoice is not UTF-8 without BOM", e);
    }

    @ExceptionHandler
    ProblemDetail invalidInvoice(InvoiceInvalid e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-invoice", "Invalid FA(3) invoice", e);
        problem.setProperty("violations", e.violations());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail overLimit(InvoiceOverLimit e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "xml-limit-exceeded", "XML limit exceeded", e);
        problem.setProperty("limit", e.limit());
        problem.setProperty("max", e.max());
        problem.setProperty("violations", java.util.List.of(e.where()));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail sellerNotTenant(SellerNotTenant e) {
        return problem(HttpStatus.FORBIDDEN, "seller-not-tenant", "Seller is not the tenant", e);
    }

    @ExceptionHandler
    ProblemDetail invalidIdempotencyKey(InvalidIdempotencyKey e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e);
    }

    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReused e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency key reused", e);
    }

    @ExceptionHandler
    ProblemDetail documentNotAvailable(DocumentNotAvailable e) {
        return problem(HttpStatus.NOT_FOUND, e.kind().problemType(), "Document not available", e);
    }

    @ExceptionHandler
    ProblemDetail commandNotFound(CommandNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "command-not-found", "Command not found", e);
    }

    @ExceptionHandler
    ProblemDetail upstreamNotFound(dev.ksefplatform.commandapi.upstream.application.UpstreamNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "upstream-not-found", "Upstream system not found", e);
    }

    @ExceptionHandler
    ProblemDetail actedForUnknownTenant(dev.ksefplatform.commandapi.acting.application.ActedForUnknownTenant e) {
        return problem(HttpStatus.NOT_FOUND, "tenant-not-found", "Tenant not found", e);
    }

    @ExceptionHandler
    ProblemDetail upstreamTenantNotFound(dev.ksefplatform.commandapi.upstream.application.UpstreamTenantNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "tenant-not-found", "Tenant not found", e);
    }

    @ExceptionHandler
    ProblemDetail cursorNotFound(CursorNotFound e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "cursor-not-found", "Page not found", e);
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler(InvalidQueryParameter.class)
    ProblemDetail invalidQueryParameter(InvalidQueryParameter e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e);
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail inboxInvoiceNotFound(InboxInvoiceNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "inbox-invoice-not-found", "Invoice not found", e);
    }

    @ExceptionHandler
    ProblemDetail ksefBudgetNotSeen(dev.ksefplatform.commandapi.budget.application.KsefBudgetNotSeen e) {
        return problem(HttpStatus.NOT_FOUND, "ksef-budget-not-seen", "KSeF budget not seen yet", e);
    }

    @ExceptionHandler
    ProblemDetail inboxSyncRunning(InboxSyncRunning e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "inbox-sync-running", "A sync is already running", e);
        problem.setProperty("commandId", e.commandId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail inboxSyncUnavailable(InboxSyncUnavailable e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "inbox-sync-unavailable", "No integration to sync with", e);
        if (e.integrationStatus() != null) {
            problem.setProperty("integrationStatus", e.integrationStatus());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidIntegration(InvalidIntegration e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e);
    }

    @ExceptionHandler
    ProblemDetail integrationNotFound(IntegrationNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "integration-not-found", "Integration not found", e);
    }

    @ExceptionHandler
    ProblemDetail invalidWebhook(InvalidWebhook e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e);
    }

    @ExceptionHandler
    ProblemDetail webhookDeliveriesPending(WebhookDeliveriesPending e) {
        return problem(HttpStatus.CONFLICT, "webhook-deliveries-pending", "Webhook deliveries still pending", e);
    }

    @ExceptionHandler
    ProblemDetail webhookNotFound(WebhookNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "webhook-not-found", "Webhook not found", e);
    }

    /** The vault's own problem type, status and detail (its details never hold a secret). */
    @ExceptionHandler
    ProblemDetail integrationRefused(IntegrationRefused e) {
        return problem(HttpStatus.valueOf(e.status()), e.slug(), e.title(), e);
    }

    /** The cause (which may name internal hosts) is logged here by class and message only, never answered. */
    @ExceptionHandler
    ProblemDetail credentialServiceUnavailable(CredentialServiceUnavailable e) {
        log.warn("credential-service unavailable cause={}", String.valueOf(e.getCause()));
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "credential-service-unavailable", "Temporarily unavailable", e);
    }

    @ExceptionHandler
    ProblemDetail auditQueryTooBroad(dev.ksefplatform.commandapi.audit.application.AuditQueryTooBroad e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "audit-query-timeout", "Audit query too broad", e);
    }

    @ExceptionHandler
    ProblemDetail deadLetterNotFound(dev.ksefplatform.commandapi.deadletter.application.DeadLetterNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "dead-letter-not-found", "Dead letter not found", e);
    }

    @ExceptionHandler
    ProblemDetail notRedrivable(dev.ksefplatform.commandapi.deadletter.application.DeadLetterNotRedrivable e) {
        return problem(HttpStatus.CONFLICT, "dead-letter-not-redrivable", "Dead letter cannot be re-driven", e);
    }

    @ExceptionHandler
    ProblemDetail invalidRedrive(dev.ksefplatform.commandapi.deadletter.application.InvalidRedriveRequest e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e);
    }

    @ExceptionHandler
    ProblemDetail invalidDeadLetter(dev.ksefplatform.commandapi.deadletter.domain.InvalidDeadLetterAddress e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e);
    }

    @ExceptionHandler
    ProblemDetail kafkaUnavailable(dev.ksefplatform.commandapi.platform.application.KafkaUnavailable e) {
        log.warn("kafka unavailable cause={}", String.valueOf(e.getCause()));
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", "Temporarily unavailable", e);
    }

    /** One second: a held submission takes milliseconds to tens of them when the gateway is not overloaded. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> tenantSubmissionsInFlight(TenantSubmissionsInFlight e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-submissions-in-flight", "Too many submissions in flight", e));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> gatewayBusy(GatewayBusy e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "gateway-busy", "Temporarily unavailable", e));
    }

    /** The cause (which may name internal hosts) is logged here, never answered. */
    @ExceptionHandler
    ProblemDetail readModelUnavailable(ReadModelUnavailable e) {
        log.warn("read model unavailable cause={}", String.valueOf(e.getCause()));
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "read-model-unavailable", "Temporarily unavailable", e);
    }

    /**
     * The database is unreachable or restarting (connections refused, dropped, or a transient failure): 503 with
     * Retry-After, the cause (which names hosts) logged, never answered. Usually nothing was recorded, but a write whose
     * answer the outage cut off may have committed (a fault test saw one in 156 such refusals go on to KSeF): a
     * submission retried with the same Idempotency-Key is taken once either way.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            R2dbcTransientException.class, R2dbcNonTransientResourceException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("database unavailable cause={}", String.valueOf(e.getCause() == null ? e : e.getCause()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the service cannot reach its database; try again shortly (a submission retried with the same "
                        + "Idempotency-Key is taken once, even if this one was recorded before the connection broke)");
        problem.setType(URI.create(TYPE_BASE + "service-unavailable"));
        problem.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS).body(problem);
    }

    /**
     * The client stopped sending its body (the server's read timeouts, {@link WebConfiguration}): nothing was taken,
     * and the connection is closed. A whole-request timeout closes the connection itself (its exception class is not
     * public, hence the name), so that answer reaches no one; either is the client's doing, logged at DEBUG.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> requestTimedOut(ChannelException e) {
        if (!(e instanceof ReadTimeoutException) && !e.getClass().getSimpleName().equals("RequestTimeoutException")) {
            return ResponseEntity.internalServerError().body(unexpected(e));
        }
        log.debug("request body not received in time cause={}", e.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.REQUEST_TIMEOUT,
                "the request's body did not arrive in time; nothing was taken");
        problem.setType(URI.create(TYPE_BASE + "request-timeout"));
        problem.setTitle("Request timeout");
        return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).header(HttpHeaders.CONNECTION, "close").body(problem);
    }

    /**
     * Anything unforeseen: logged with its cause here, answered without internals. A client that went away before its
     * answer (its connection closed or reset) is no error of the service: that is logged at DEBUG, and no one reads the
     * answer (an overloaded gateway's clients giving up had filled the log with ERRORs).
     */
    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        if (AbortedException.isConnectionReset(e) || e instanceof AbortedException) {
            log.debug("client went away before its answer cause={}", e.toString());
        } else {
            log.error("unhandled error", e);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "the request could not be processed");
        problem.setType(URI.create(TYPE_BASE + "internal-error"));
        problem.setTitle("Internal error");
        return problem;
    }

    /** Framework errors (bad JSON, unknown route...) get a stable type too. */
    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, org.springframework.http.HttpHeaders headers,
                                                                HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem && problem.getType().toString().equals("about:blank")) {
            problem.setType(URI.create(TYPE_BASE + (status.is4xxClientError() ? "invalid-request" : "internal-error")));
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }
}
