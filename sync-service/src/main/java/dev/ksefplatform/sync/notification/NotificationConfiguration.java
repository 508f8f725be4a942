package dev.ksefplatform.sync.notification;

import dev.ksefplatform.sync.notification.adapter.r2dbc.R2dbcNotifications;
import dev.ksefplatform.sync.notification.application.NotificationProjection;
import dev.ksefplatform.sync.notification.application.NotificationQuery;
import dev.ksefplatform.sync.notification.application.Notifications;
import dev.ksefplatform.support.tenancy.application.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
public class NotificationConfiguration {

    @Bean
    Notifications notifications(DatabaseClient db) {
        return new R2dbcNotifications(db);
    }

    @Bean
    NotificationProjection notificationProjection(Notifications notifications) {
        return new NotificationProjection(notifications);
    }

    @Bean
    NotificationQuery notificationQuery(Notifications notifications, TenantScope scope) {
        return new NotificationQuery(notifications, scope);
    }
}
