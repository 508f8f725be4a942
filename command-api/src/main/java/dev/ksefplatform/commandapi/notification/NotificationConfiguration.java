package dev.ksefplatform.commandapi.notification;

import dev.ksefplatform.commandapi.notification.adapter.http.HttpNotificationFeed;
import dev.ksefplatform.commandapi.notification.application.NotificationFeed;
import dev.ksefplatform.commandapi.submission.SyncServiceProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    NotificationFeed notificationFeed(@Qualifier("syncServiceClient") WebClient syncService, SyncServiceProperties sync) {
        return new HttpNotificationFeed(syncService, sync.timeout());
    }
}
