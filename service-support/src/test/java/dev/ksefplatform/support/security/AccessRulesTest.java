package dev.ksefplatform.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private final AccessRules rules = AccessRules.none()
            .allow("/internal/", "command-api", "admin")
            .allow("/admin/", "admin");

    @Test
    void pathUnderAPrefixIsOpenToItsCallersOnly() {
        assertThat(rules.allowedCallers("/internal/v1/tenants/t/audit")).hasValueSatisfying(
                callers -> assertThat(callers).containsExactlyInAnyOrder("command-api", "admin"));
        assertThat(rules.allowedCallers("/admin/v1/rebuild")).hasValueSatisfying(
                callers -> assertThat(callers).containsExactly("admin"));
    }

    @Test
    void pathOutsideEveryPrefixIsNotProtected() {
        assertThat(rules.allowedCallers("/actuator/health")).isEmpty();
    }

    @Test
    void noRulesProtectNothing() {
        assertThat(AccessRules.none().allowedCallers("/admin/v1/rebuild")).isEmpty();
    }
}
