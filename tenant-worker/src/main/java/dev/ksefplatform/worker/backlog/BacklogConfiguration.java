package dev.ksefplatform.worker.backlog;

import dev.ksefplatform.worker.backlog.adapter.jdbc.JdbcBacklogs;
import dev.ksefplatform.worker.backlog.application.Backlogs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The backlog by context, read by the internal API from the commands table every instance shares. */
@Configuration(proxyBeanMethods = false)
class BacklogConfiguration {

    @Bean
    Backlogs backlogs(JdbcTemplate jdbc) {
        return new JdbcBacklogs(jdbc);
    }
}
