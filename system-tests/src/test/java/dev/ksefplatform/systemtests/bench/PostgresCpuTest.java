package dev.ksefplatform.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresCpuTest {

    @Test
    void aBackendCountsUnderItsUserAndABackgroundProcessUnderItsName() {
        assertThat(PostgresCpu.group("postgres: tenant-worker ksef 127.0.0.1(36172) idle")).isEqualTo("tenant-worker's backends");
        assertThat(PostgresCpu.group("postgres: audit-projector ksef 127.0.0.1(57764) INSERT")).isEqualTo("audit-projector's backends");
        assertThat(PostgresCpu.group("postgres: postgres ksef [local] SELECT")).isEqualTo("postgres's backends");
        assertThat(PostgresCpu.group("postgres: walwriter ")).isEqualTo("walwriter");
        assertThat(PostgresCpu.group("postgres: autovacuum worker ksef")).isEqualTo("autovacuum workers");
        assertThat(PostgresCpu.group("postgres: autovacuum launcher")).isEqualTo("autovacuum launcher");
        assertThat(PostgresCpu.group("postgres: parallel worker for PID 4242")).isEqualTo("parallel worker for PID 4242");
        assertThat(PostgresCpu.group("/usr/lib/postgresql/bin/postgres -D /data -p 5432")).isNull();
    }
}
