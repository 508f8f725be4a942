package dev.ksefplatform.sync.inbox;

import dev.ksefplatform.sync.inbox.adapter.r2dbc.R2dbcDocumentStore;
import dev.ksefplatform.sync.inbox.adapter.r2dbc.R2dbcInboxEntries;
import dev.ksefplatform.sync.inbox.adapter.r2dbc.R2dbcSyncStates;
import dev.ksefplatform.sync.inbox.adapter.xml.StaxInvoiceFactsReader;
import dev.ksefplatform.sync.inbox.application.DocumentStore;
import dev.ksefplatform.sync.inbox.application.InboxEntries;
import dev.ksefplatform.sync.inbox.application.InboxProjection;
import dev.ksefplatform.sync.inbox.application.InboxQueries;
import dev.ksefplatform.sync.inbox.application.SyncStateProjection;
import dev.ksefplatform.sync.inbox.application.SyncStates;
import dev.ksefplatform.support.tenancy.application.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

    @Bean
    DocumentStore documentStore(DatabaseClient db) {
        return new R2dbcDocumentStore(db);
    }

    @Bean
    InboxEntries inboxEntries(DatabaseClient db) {
        return new R2dbcInboxEntries(db);
    }

    @Bean
    SyncStates syncStates(DatabaseClient db) {
        return new R2dbcSyncStates(db);
    }

    @Bean
    InboxProjection inboxProjection(DocumentStore store, InboxEntries inbox) {
        return new InboxProjection(store, inbox, new StaxInvoiceFactsReader(), Schedulers.parallel());
    }

    @Bean
    SyncStateProjection syncStateProjection(SyncStates states) {
        return new SyncStateProjection(states);
    }

    @Bean
    InboxQueries inboxQueries(InboxEntries inbox, DocumentStore store, TenantScope scope) {
        return new InboxQueries(inbox, store, scope);
    }
}
