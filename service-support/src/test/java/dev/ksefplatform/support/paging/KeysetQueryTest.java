package dev.ksefplatform.support.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeysetQueryTest {

    @Test
    void aTenantsQueryAlwaysFiltersByTheTenant() {
        String sql = KeysetQuery.forTenant("t-1", 10).when("operation = :operation", "operation", "x")
                .sql("audit.audit_log", "occurred_at", "event_id");

        assertThat(sql).isEqualTo("SELECT * FROM audit.audit_log WHERE tenant_id = :tenantId AND operation = :operation"
                + " ORDER BY occurred_at DESC, event_id DESC LIMIT :limit");
    }

    @Test
    void aTenantsQueryWithoutATenantIsRefusedRatherThanReadingEveryTenant() {
        assertThatThrownBy(() -> KeysetQuery.forTenant(null, 10)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aQueryAcrossTenantsHasOnlyTheConditionsItIsGiven() {
        KeysetQuery query = KeysetQuery.acrossTenants(5);

        assertThat(query.sql("t", "at", "id")).isEqualTo("SELECT * FROM t ORDER BY at DESC, id DESC LIMIT :limit");
        assertThat(query.after("at", "id", Instant.EPOCH, "e-1").sql("t", "at", "id"))
                .isEqualTo("SELECT * FROM t WHERE (at, id) < (:afterAt, :afterId) ORDER BY at DESC, id DESC LIMIT :limit");
    }
}
