package dev.ksefplatform.sync.submission;

import dev.ksefplatform.sync.submission.adapter.r2dbc.R2dbcContextHolds;
import dev.ksefplatform.sync.submission.adapter.r2dbc.R2dbcSubmissionList;
import dev.ksefplatform.sync.submission.adapter.r2dbc.R2dbcSubmissions;
import dev.ksefplatform.sync.submission.application.ContextHolds;
import dev.ksefplatform.sync.submission.application.HoldProjection;
import dev.ksefplatform.sync.submission.application.SubmissionProjection;
import dev.ksefplatform.sync.submission.application.SubmissionListQuery;
import dev.ksefplatform.sync.submission.application.SubmissionQueries;
import dev.ksefplatform.sync.submission.application.Submissions;
import dev.ksefplatform.support.tenancy.application.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
public class SubmissionConfiguration {

    @Bean
    Submissions submissions(DatabaseClient db) {
        return new R2dbcSubmissions(db);
    }

    @Bean
    ContextHolds contextHolds(DatabaseClient db) {
        return new R2dbcContextHolds(db);
    }

    @Bean
    SubmissionProjection submissionProjection(Submissions submissions) {
        return new SubmissionProjection(submissions);
    }

    @Bean
    HoldProjection holdProjection(ContextHolds holds) {
        return new HoldProjection(holds);
    }

    @Bean
    SubmissionQueries submissionQueries(Submissions submissions, ContextHolds holds, TenantScope scope) {
        return new SubmissionQueries(submissions, holds, scope);
    }

    @Bean
    SubmissionListQuery submissionListQuery(DatabaseClient db, TenantScope scope) {
        return new SubmissionListQuery(new R2dbcSubmissionList(db), scope);
    }
}
