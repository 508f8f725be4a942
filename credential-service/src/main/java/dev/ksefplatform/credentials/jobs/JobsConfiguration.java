package dev.ksefplatform.credentials.jobs;

import dev.ksefplatform.credentials.jobs.adapter.r2dbc.R2dbcJobSchedule;
import dev.ksefplatform.credentials.jobs.application.JobSchedule;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
public class JobsConfiguration {

    @Bean
    JobSchedule jobSchedule(DatabaseClient db) {
        return new R2dbcJobSchedule(db);
    }

    /** This instance's name in job claims. */
    @Bean
    String jobOwner() {
        return "credential-service-" + UUID.randomUUID();
    }
}
