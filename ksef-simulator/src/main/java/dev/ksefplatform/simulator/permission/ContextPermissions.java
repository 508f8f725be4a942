package dev.ksefplatform.simulator.permission;

import dev.ksefplatform.simulator.auth.SubjectPermissions;
import java.util.List;
import java.util.Set;

/**
 * The simulator's grant model: the owner of a context (its NIP is the context NIP) holds every permission there;
 * anyone else what {@code /testdata/permissions} granted; both less what {@code /sim/v1/permissions/revoke} took.
 */
final class ContextPermissions implements SubjectPermissions {

    static final List<String> OWNER = List.of("CredentialsManage", "CredentialsRead", "Introspection", "InvoiceRead",
            "InvoiceWrite", "SubunitManage");

    private final TestDataRegistry grants;
    private final Revocations revocations;

    ContextPermissions(TestDataRegistry grants, Revocations revocations) {
        this.grants = grants;
        this.revocations = revocations;
    }

    @Override
    public List<String> of(String contextNip, String subjectType, String subjectValue) {
        List<String> granted = owner(contextNip, subjectType, subjectValue) ? OWNER
                : grants.in(contextNip, subjectType, subjectValue);
        return without(granted, revocations.of(contextNip, subjectType, subjectValue));
    }

    @Override
    public List<String> held(String contextNip, String subjectType, String subjectValue, List<String> requested) {
        Set<String> revoked = revocations.of(contextNip, subjectType, subjectValue);
        if (owner(contextNip, subjectType, subjectValue)) {
            return without(requested, revoked);
        }
        List<String> granted = grants.in(contextNip, subjectType, subjectValue);
        return without(requested.stream().filter(granted::contains).toList(), revoked);
    }

    private static boolean owner(String contextNip, String subjectType, String subjectValue) {
        return "Nip".equals(subjectType) && contextNip != null && contextNip.equals(subjectValue);
    }

    private static List<String> without(List<String> permissions, Set<String> revoked) {
        return revoked.isEmpty() ? permissions : permissions.stream().filter(p -> !revoked.contains(p)).toList();
    }
}
