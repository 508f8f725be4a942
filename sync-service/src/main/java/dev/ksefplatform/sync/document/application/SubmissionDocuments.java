package dev.ksefplatform.sync.document.application;

import dev.ksefplatform.sync.document.domain.UpoDocument;
import dev.ksefplatform.sync.inbox.application.DocumentStore;
import dev.ksefplatform.sync.inbox.domain.RawDocument;
import dev.ksefplatform.sync.submission.application.SubmissionNotFound;
import dev.ksefplatform.sync.submission.application.Submissions;
import dev.ksefplatform.sync.submission.domain.Submission;
import dev.ksefplatform.sync.submission.domain.SubmissionStatus;
import dev.ksefplatform.support.tenancy.application.TenantScope;
import reactor.core.publisher.Mono;

/**
 * The documents of one of the tenant's submissions, found through its KSeF number: another tenant's command id is
 * {@link SubmissionNotFound} like an unknown one; a known one without the document is {@link DocumentNotAvailable}.
 */
public final class SubmissionDocuments {

    public static final String XML_NOT_AVAILABLE = "invoice-xml-not-available";
    public static final String UPO_NOT_AVAILABLE = "upo-not-available-yet";

    private final Submissions submissions;
    private final DocumentStore documents;
    private final UpoStore upos;
    private final TenantScope scope;

    public SubmissionDocuments(Submissions submissions, DocumentStore documents, UpoStore upos, TenantScope scope) {
        this.submissions = submissions;
        this.documents = documents;
        this.upos = upos;
        this.scope = scope;
    }

    public Mono<RawDocument> sentXml(String tenantId, String commandId) {
        return scope.read(tenantId, ksefNumber(tenantId, commandId).flatMap(number -> documents.find(tenantId, number)))
                .switchIfEmpty(Mono.error(() -> new DocumentNotAvailable(XML_NOT_AVAILABLE, "submission " + commandId
                        + " has no stored XML: it is kept once KSeF has accepted the invoice")));
    }

    public Mono<UpoDocument> upo(String tenantId, String commandId) {
        return scope.read(tenantId, ksefNumber(tenantId, commandId).flatMap(number -> upos.find(tenantId, number)))
                .switchIfEmpty(Mono.error(() -> new DocumentNotAvailable(UPO_NOT_AVAILABLE, "the UPO of submission "
                        + commandId + " is not stored yet: the platform fetches it once KSeF has accepted the invoice;"
                        + " ask again later")));
    }

    private Mono<String> ksefNumber(String tenantId, String commandId) {
        return submissions.find(commandId).filter(s -> s.tenantId().equals(tenantId))
                .switchIfEmpty(Mono.error(() -> new SubmissionNotFound(commandId)))
                .filter(s -> s.status() == SubmissionStatus.ACCEPTED && s.ksefNumber() != null)
                .map(Submission::ksefNumber);
    }
}
