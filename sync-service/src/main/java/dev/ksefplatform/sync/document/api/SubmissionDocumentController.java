package dev.ksefplatform.sync.document.api;

import dev.ksefplatform.sync.document.application.SubmissionDocuments;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The XML as sent and the UPO of one of the tenant's accepted submissions, byte for byte, SHA-256 in Repr-Digest. */
@RestController
public class SubmissionDocumentController {

    private static final String SUBMISSION = "/internal/v1/tenants/{tenantId}/submissions/{commandId}";

    private final SubmissionDocuments documents;

    public SubmissionDocumentController(SubmissionDocuments documents) {
        this.documents = documents;
    }

    @GetMapping(SUBMISSION + "/xml")
    public Mono<ResponseEntity<byte[]>> xml(@PathVariable String tenantId, @PathVariable String commandId) {
        return documents.sentXml(tenantId, commandId).map(d -> xml(d.sha256(), d.xml()));
    }

    @GetMapping(SUBMISSION + "/upo")
    public Mono<ResponseEntity<byte[]>> upo(@PathVariable String tenantId, @PathVariable String commandId) {
        return documents.upo(tenantId, commandId).map(u -> xml(u.sha256(), u.xml()));
    }

    private static ResponseEntity<byte[]> xml(String sha256, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header("Repr-Digest", "sha-256=:" + sha256 + ":").body(body);
    }
}
