package dev.ksefplatform.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class CallerTokensTest {

    private final CallerTokens tokens = new CallerTokens(Map.of(
            "command-api", "local-command-api-token", "admin", "local-admin-token"));

    @Test
    void knownTokenNamesItsCaller() {
        assertThat(tokens.callerOf("local-command-api-token")).contains("command-api");
        assertThat(tokens.callerOf("local-admin-token")).contains("admin");
    }

    @Test
    void unknownTokenNamesNoCaller() {
        assertThat(tokens.callerOf("guessed")).isEmpty();
    }

    @Test
    void prefixExtensionOrNearMissOfATokenIsNotAccepted() {
        assertThat(tokens.callerOf("local-admin-toke")).isEmpty();
        assertThat(tokens.callerOf("local-admin-token2")).isEmpty();
        assertThat(tokens.callerOf("local-admin-tokeN")).isEmpty();
    }

    @Test
    void blankConfiguredTokenNeverAuthenticatesAnEmptyBearer() {
        CallerTokens withBlank = new CallerTokens(Map.of("admin", ""));

        assertThat(withBlank.callerOf("")).isEmpty();
    }

    @Test
    void noCallersConfiguredAcceptsNothing() {
        assertThat(new CallerTokens(null).callerOf("local-admin-token")).isEmpty();
    }

    @Test
    void textFormNamesCallersButNeverTokens() {
        assertThat(tokens.toString()).contains("admin", "command-api").doesNotContain("local-admin-token");
    }

    @Test
    void callersAreBoundFromTheServicesPropertyPrefix() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "audit.security.callers.command-api", "t1", "audit.security.callers.admin", "t2",
                "sync.security.callers.admin", "t3")));

        CallerTokens bound = CallerTokens.bind(environment, "audit.security.callers");

        assertThat(bound.callerOf("t1")).contains("command-api");
        assertThat(bound.callerOf("t2")).contains("admin");
        assertThat(bound.callerOf("t3")).isEmpty();
    }

    @Test
    void absentPropertyBindsNoCallers() {
        assertThat(CallerTokens.bind(new StandardEnvironment(), "nobody.security.callers").callerOf("t1")).isEmpty();
    }
}
