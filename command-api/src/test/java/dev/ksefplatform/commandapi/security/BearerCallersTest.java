package dev.ksefplatform.commandapi.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BearerCallersTest {

    private final BearerCallers callers = new BearerCallers(Map.of("admin", "admin-secret", "sync-service", "sync-secret"));

    @Test
    void letsTheAllowedCallerIn() {
        assertThatCode(() -> callers.require("Bearer admin-secret", "admin")).doesNotThrowAnyException();
    }

    @Test
    void refusesAMissingOrUnknownTokenWithoutEchoingIt() {
        assertThatThrownBy(() -> callers.require(null, "admin")).isInstanceOf(NotAuthenticated.class);
        assertThatThrownBy(() -> callers.require("Bearer guessed-secret", "admin"))
                .isInstanceOf(NotAuthenticated.class)
                .message().doesNotContain("guessed-secret");
        assertThatThrownBy(() -> callers.require("Basic admin-secret", "admin")).isInstanceOf(NotAuthenticated.class);
    }

    @Test
    void forbidsAKnownCallerWithoutTheRight() {
        assertThatThrownBy(() -> callers.require("Bearer sync-secret", "admin"))
                .isInstanceOf(NotPermitted.class)
                .message().doesNotContain("sync-secret");
    }
}
