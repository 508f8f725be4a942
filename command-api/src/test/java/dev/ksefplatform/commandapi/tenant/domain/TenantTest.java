package dev.ksefplatform.commandapi.tenant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TenantTest {

    private static final Instant NOW = Instant.parse("2026-06-05T10:00:00Z");

    @Test
    void registersAnActiveTenantWithAValidNip() {
        Tenant tenant = Tenant.register("t-1", " Acme ", "5265877635", NOW);

        assertThat(tenant.isActive()).isTrue();
        assertThat(tenant.name()).isEqualTo("Acme");
        assertThat(tenant.createdAt()).isEqualTo(NOW);
    }

    @Test
    void rejectsANipWithABadChecksum() {
        assertThatThrownBy(() -> Tenant.register("t-1", "Acme", "5265877636", NOW)).isInstanceOf(InvalidNip.class);
    }

    @Test
    void rejectsABlankName() {
        assertThatThrownBy(() -> Tenant.register("t-1", " ", "5265877635", NOW))
                .isInstanceOf(InvalidTenant.class)
                .isNotInstanceOf(InvalidNip.class);
    }
}
