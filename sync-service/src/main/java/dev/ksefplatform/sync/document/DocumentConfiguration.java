package dev.ksefplatform.sync.document;

import dev.ksefplatform.sync.document.adapter.r2dbc.R2dbcUpoStore;
import dev.ksefplatform.sync.document.application.OutgoingDocumentProjection;
import dev.ksefplatform.sync.document.application.SubmissionDocuments;
import dev.ksefplatform.sync.document.application.UpoStore;
import dev.ksefplatform.sync.inbox.application.DocumentStore;
import dev.ksefplatform.sync.submission.application.Submissions;
import dev.ksefplatform.support.tenancy.application.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Outgoing documents: the XML as sent and the UPOs of accepted submissions, folded and served. */
@Configuration(proxyBeanMethods = false)
public class DocumentConfiguration {

    @Bean
    UpoStore upoStore(DatabaseClient db) {
        return new R2dbcUpoStore(db);
    }

    @Bean
    OutgoingDocumentProjection outgoingDocumentProjection(DocumentStore documents, UpoStore upos) {
        return new OutgoingDocumentProjection(documents, upos);
    }

    @Bean
    SubmissionDocuments submissionDocuments(Submissions submissions, DocumentStore documents, UpoStore upos,
                                            TenantScope scope) {
        return new SubmissionDocuments(submissions, documents, upos, scope);
    }
}
