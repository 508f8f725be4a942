package dev.ksefplatform.simulator.session;

import dev.ksefplatform.simulator.auth.BearerTokens;
import dev.ksefplatform.simulator.session.BatchRequests.OpenBatchSessionRequest;
import java.nio.file.StandardOpenOption;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Batch sessions: open, the pre-signed part uploads (no bearer token, not rate-limited) and close. */
@RestController
public class BatchController {

    private static final String[] WRITE = {"InvoiceWrite", "EnforcementOperations"};

    private final BatchSessions batches;
    private final BearerTokens bearer;

    BatchController(BatchSessions batches, BearerTokens bearer) {
        this.batches = batches;
        this.bearer = bearer;
    }

    @PostMapping("/v2/sessions/batch")
    @ResponseStatus(HttpStatus.CREATED)
    public BatchSessions.Opened open(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                     @RequestBody OpenBatchSessionRequest request, ServerWebExchange exchange) {
        return batches.open(bearer.caller(auth, WRITE), request, SessionController.baseUrl(exchange));
    }

    @PostMapping("/v2/sessions/batch/{referenceNumber}/close")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void close(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                      @PathVariable String referenceNumber) {
        batches.close(bearer.caller(auth, WRITE), referenceNumber);
    }

    /** Streams the part to disk; 403 for a bad or expired signature or a session that no longer takes parts. */
    @PutMapping(BatchSessions.STORAGE_PATH + "{referenceNumber}/{ordinal}")
    public Mono<ResponseEntity<Void>> upload(@PathVariable String referenceNumber, @PathVariable int ordinal,
                                             @RequestParam(defaultValue = "0") long se,
                                             @RequestParam(required = false) String sig,
                                             @RequestBody Flux<DataBuffer> body) {
        return batches.uploadTarget(referenceNumber, ordinal, se, sig)
                .map(file -> DataBufferUtils.write(body, file, StandardOpenOption.CREATE,
                                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)
                        .then(Mono.fromRunnable(() -> batches.uploaded(referenceNumber, ordinal)))
                        .thenReturn(ResponseEntity.status(HttpStatus.CREATED).<Void>build()))
                .orElseGet(() -> Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).build()));
    }
}
