package dev.ksefplatform.credentials.web;

import dev.ksefplatform.credentials.integration.domain.IllegalTransition;
import dev.ksefplatform.credentials.integration.domain.IntegrationNotFound;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import dev.ksefplatform.credentials.integration.domain.NipAlreadyRegistered;
import dev.ksefplatform.credentials.integration.domain.ProviderCredentialNotFound;
import dev.ksefplatform.credentials.lease.domain.LeaseRefused;
import dev.ksefplatform.credentials.session.application.KsefBusy;
import dev.ksefplatform.credentials.session.application.KsefCredentialRejected;
import dev.ksefplatform.credentials.session.application.KsefUnavailable;
import dev.ksefplatform.credentials.tenant.domain.TenantNipMismatch;
import dev.ksefplatform.credentials.tenant.domain.UnknownTenant;
import dev.ksefplatform.credentials.vault.application.KeyRotationNotFound;
import dev.ksefplatform.credentials.vault.application.RotationAlreadyRunning;
import dev.ksefplatform.credentials.vault.application.UnknownRotationTarget;
import dev.ksefplatform.credentials.vault.domain.VaultException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/** The one mapping from exceptions to RFC 7807 responses. Details never carry secrets. */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final Clock clock;

    public ProblemAdvice(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(LeaseRefused.class)
    ResponseEntity<ProblemDetail> leaseRefused(LeaseRefused e) {
        return Problems.entity(HttpStatus.FORBIDDEN, e.reason().problemSlug(), "Credential lease refused", e.getMessage());
    }

    @ExceptionHandler(KsefUnavailable.class)
    ResponseEntity<ProblemDetail> ksefUnavailable(KsefUnavailable e) {
        log.warn("KSeF unavailable: {}", e.getMessage());
        return Problems.entity(HttpStatus.SERVICE_UNAVAILABLE, "ksef-unavailable", "KSeF unavailable",
                "KSeF could not be reached or failed transiently; retry later");
    }

    /** Nothing was sent: KSeF's rate limit for the context would have been exceeded. The caller comes back later. */
    @ExceptionHandler(KsefBusy.class)
    ResponseEntity<ProblemDetail> ksefBusy(KsefBusy e) {
        long seconds = Math.max(1, (Duration.between(clock.instant(), e.retryAt()).toMillis() + 999) / 1000);
        log.info("KSeF rate budget used up, answering retry-later retryAfterSeconds={} detail={}", seconds,
                e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "ksef-rate-budget", "KSeF rate limit reached",
                        "KSeF's rate limit for this context is used up; nothing was sent; retry after " + seconds + " s"));
    }

    @ExceptionHandler(KsefCredentialRejected.class)
    ResponseEntity<ProblemDetail> credentialRejected(KsefCredentialRejected e) {
        log.warn("KSeF refused a stored credential: {}", e.getMessage());
        return Problems.entity(HttpStatus.FORBIDDEN, "integration-not-active", "Credential lease refused",
                "KSeF refused the integration's credential; verify the integration");
    }

    @ExceptionHandler(IntegrationNotFound.class)
    ResponseEntity<ProblemDetail> notFound(IntegrationNotFound e) {
        return Problems.entity(HttpStatus.NOT_FOUND, "integration-not-found", "Integration not found", e.getMessage());
    }

    @ExceptionHandler(ProviderCredentialNotFound.class)
    ResponseEntity<ProblemDetail> providerNotFound(ProviderCredentialNotFound e) {
        return Problems.entity(HttpStatus.NOT_FOUND, "provider-credential-not-found", "Provider credential not found",
                e.getMessage());
    }

    @ExceptionHandler(KeyRotationNotFound.class)
    ResponseEntity<ProblemDetail> rotationNotFound(KeyRotationNotFound e) {
        return Problems.entity(HttpStatus.NOT_FOUND, "key-rotation-not-found", "Key rotation not found", e.getMessage());
    }

    @ExceptionHandler(UnknownRotationTarget.class)
    ResponseEntity<ProblemDetail> unknownTarget(UnknownRotationTarget e) {
        return Problems.entity(HttpStatus.BAD_REQUEST, "unknown-key-version", "Unknown master key version", e.getMessage());
    }

    @ExceptionHandler(RotationAlreadyRunning.class)
    ResponseEntity<ProblemDetail> rotationRunning(RotationAlreadyRunning e) {
        return Problems.entity(HttpStatus.CONFLICT, "key-rotation-running", "Key rotation running", e.getMessage());
    }

    @ExceptionHandler(NipAlreadyRegistered.class)
    ResponseEntity<ProblemDetail> nipTaken(NipAlreadyRegistered e) {
        return Problems.entity(HttpStatus.CONFLICT, "nip-already-registered", "NIP already registered", e.getMessage());
    }

    @ExceptionHandler(UnknownTenant.class)
    ResponseEntity<ProblemDetail> unknownTenant(UnknownTenant e) {
        return Problems.entity(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-tenant", "Unknown tenant", e.getMessage());
    }

    @ExceptionHandler(TenantNipMismatch.class)
    ResponseEntity<ProblemDetail> tenantNipMismatch(TenantNipMismatch e) {
        return Problems.entity(HttpStatus.UNPROCESSABLE_ENTITY, "tenant-nip-mismatch", "Not the tenant's NIP",
                e.getMessage());
    }

    @ExceptionHandler(IllegalTransition.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalTransition e) {
        return Problems.entity(HttpStatus.CONFLICT, "illegal-status-transition", "Illegal status transition",
                e.getMessage());
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequest e) {
        return Problems.entity(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        return Problems.entity(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "the request is not valid for this endpoint");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        return Problems.entity(status, "http-" + status.value(), status.getReasonPhrase(), status.getReasonPhrase());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return Problems.entity(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request failed unexpectedly");
    }

    @ExceptionHandler(VaultException.class)
    ResponseEntity<ProblemDetail> vault(VaultException e) {
        log.error("vault failure: {}", e.getMessage());
        return Problems.entity(HttpStatus.INTERNAL_SERVER_ERROR, "vault-error", "Vault error",
                "the stored secret could not be opened");
    }
}
