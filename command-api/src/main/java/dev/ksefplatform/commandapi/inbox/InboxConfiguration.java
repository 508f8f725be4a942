package dev.ksefplatform.commandapi.inbox;

import dev.ksefplatform.commandapi.inbox.adapter.http.HttpTenantInbox;
import dev.ksefplatform.commandapi.inbox.application.InboxQueries;
import dev.ksefplatform.commandapi.submission.SyncServiceProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

    @Bean
    InboxQueries inboxQueries(@Qualifier("syncServiceClient") WebClient syncService, SyncServiceProperties sync) {
        return new InboxQueries(new HttpTenantInbox(syncService, sync.timeout()));
    }
}
