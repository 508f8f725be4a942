package dev.ksefplatform.console.web;

import dev.ksefplatform.console.commandapi.Caller;
import dev.ksefplatform.console.login.ConsoleUser;
import java.util.Optional;

/**
 * The logged-in person as pages see it: who, with which role, and — for an operator — the tenant acted for, which
 * every page shows in a banner while it lasts.
 */
public record Viewer(String login, String role, boolean operator, boolean mayAct, ActingFor actingFor,
                     Optional<Caller> caller) {

    static Viewer of(ConsoleUser user, ActingFor actingFor) {
        if (user.isOperator()) {
            return new Viewer(user.getUsername(), user.role().name(), true, true, actingFor,
                    Optional.ofNullable(actingFor).map(a -> Caller.operator(a.tenantId(), user.personId())));
        }
        return new Viewer(user.getUsername(), user.role().name(), false, "MANAGER".equals(user.role().name()), null,
                Optional.of(Caller.tenantUser(user.tenantId(), user.personId())));
    }
}
