package dev.ksefplatform.simulator.permission;

import dev.ksefplatform.simulator.error.SimRequestInvalid;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulator-only: take a permission away from a subject in a context, and give it back. Logins and calls then see
 * the change at once (415 at login when nothing is left; 403 {@code missing-permissions} on calls that need it).
 */
@RestController
public class SimPermissionsController {

    private static final Pattern NIP = Pattern.compile("[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}");
    private static final Set<String> SUBJECT_TYPES = Set.of("Nip", "Pesel", "Fingerprint");
    private static final Set<String> PERMISSIONS = Set.of("InvoiceRead", "InvoiceWrite", "Introspection",
            "CredentialsRead", "CredentialsManage", "EnforcementOperations", "SubunitManage");

    private final Revocations revocations;
    private final ContextPermissions permissions;

    SimPermissionsController(Revocations revocations, ContextPermissions permissions) {
        this.revocations = revocations;
        this.permissions = permissions;
    }

    record Subject(String type, String value) {
    }

    record Change(String contextNip, Subject subject, List<String> permissions) {

        Change validated() {
            require(contextNip != null && NIP.matcher(contextNip).matches(), "contextNip must be a NIP");
            require(subject != null && SUBJECT_TYPES.contains(subject.type()) && subject.value() != null
                    && !subject.value().isBlank(), "subject must be {type: Nip|Pesel|Fingerprint, value}");
            require(permissions != null && !permissions.isEmpty() && PERMISSIONS.containsAll(permissions),
                    "permissions must be a non-empty subset of " + PERMISSIONS);
            return this;
        }
    }

    record Held(String contextNip, Subject subject, List<String> permissions) {
    }

    @PostMapping("/sim/v1/permissions/revoke")
    public Held revoke(@RequestBody Change change) {
        Change c = change.validated();
        revocations.revoke(c.contextNip(), c.subject().type(), c.subject().value(), c.permissions());
        return held(c.contextNip(), c.subject().type(), c.subject().value());
    }

    @PostMapping("/sim/v1/permissions/restore")
    public Held restore(@RequestBody Change change) {
        Change c = change.validated();
        revocations.restore(c.contextNip(), c.subject().type(), c.subject().value(), c.permissions());
        return held(c.contextNip(), c.subject().type(), c.subject().value());
    }

    /** What the subject holds in the context now (for the owner: the owner's set). */
    @GetMapping("/sim/v1/permissions")
    public Held held(@RequestParam String contextNip, @RequestParam String subjectType,
                     @RequestParam String subjectValue) {
        return new Held(contextNip, new Subject(subjectType, subjectValue),
                permissions.of(contextNip, subjectType, subjectValue));
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw new SimRequestInvalid(detail);
        }
    }
}
