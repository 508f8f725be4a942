package dev.ksefplatform.audit.traceability;

import dev.ksefplatform.audit.traceability.adapter.micrometer.MicrometerViolationAlarm;
import dev.ksefplatform.audit.traceability.adapter.r2dbc.R2dbcIntegrationOwners;
import dev.ksefplatform.audit.traceability.adapter.r2dbc.R2dbcViolationLog;
import dev.ksefplatform.audit.traceability.application.TraceabilityProjection;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
public class TraceabilityConfiguration {

    @Bean
    TraceabilityProjection traceabilityProjection(DatabaseClient db, MeterRegistry meters) {
        return new TraceabilityProjection(new R2dbcIntegrationOwners(db), new R2dbcViolationLog(db, Clock.systemUTC()),
                new MicrometerViolationAlarm(meters));
    }
}
