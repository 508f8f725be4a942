package dev.ksefplatform.commandapi.audit;

import dev.ksefplatform.commandapi.audit.adapter.http.HttpAuditTrail;
import dev.ksefplatform.commandapi.audit.api.AuditListingDocs;
import dev.ksefplatform.commandapi.audit.application.AuditTrail;
import dev.ksefplatform.commandapi.submission.adapter.http.SyncServiceClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(WebClient.Builder web, AuditProjectorProperties audit,
                          @Value("${ksef.services.audit-projector.url}") String auditProjectorUrl) {
        WebClient client = SyncServiceClient.create(web, "audit-projector", auditProjectorUrl, audit.token(),
                audit.timeout(), audit.maxIdle());
        return new HttpAuditTrail(client, audit.timeout());
    }

    /** Documents both audit listings' query parameters from their one definition. */
    @Bean
    AuditListingDocs auditListingDocs() {
        return new AuditListingDocs();
    }
}
