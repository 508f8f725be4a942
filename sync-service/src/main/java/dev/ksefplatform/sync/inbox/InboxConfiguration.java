package dev.ksefplatform.sync.inbox;

import dev.ksefplatform.sync.inbox.adapter.r2dbc.R2dbcInboxDocuments;
import dev.ksefplatform.sync.inbox.adapter.r2dbc.R2dbcSyncStates;
import dev.ksefplatform.sync.inbox.application.InboxDocuments;
import dev.ksefplatform.sync.inbox.application.InboxProjection;
import dev.ksefplatform.sync.inbox.application.InboxQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

    @Bean
    InboxDocuments inboxDocuments(DatabaseClient db) {
        return new R2dbcInboxDocuments(db);
    }

    @Bean
    InboxProjection inboxProjection(InboxDocuments documents, DatabaseClient db) {
        return new InboxProjection(documents, new R2dbcSyncStates(db));
    }

    @Bean
    InboxQueries inboxQueries(InboxDocuments documents) {
        return new InboxQueries(documents);
    }
}
