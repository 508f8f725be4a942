package dev.ksefplatform.credentials.security;

import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;

/**
 * The admin endpoints command-api may call for the console's operators (CONTRACTS §4): listing integrations, their
 * quick actions, and master-key rotation. Nothing else of the admin API (registering, revoking, replacing a secret) is
 * command-api's, so the gateway never holds the admin token.
 */
final class OperatorForwarding {

    static final String CALLER = "command-api";
    private static final Pattern LIST = Pattern.compile("/admin/v1/integrations/?");
    private static final Pattern QUICK_ACTION = Pattern.compile("/admin/v1/integrations/[^/]+/(verify|disable|enable)");
    private static final Pattern ROTATIONS = Pattern.compile("/admin/v1/vault/rotations/?");
    private static final Pattern ROTATION = Pattern.compile("/admin/v1/vault/rotations/[^/]+");

    private OperatorForwarding() {
    }

    static boolean allows(String caller, HttpMethod method, String path) {
        if (!CALLER.equals(caller)) {
            return false;
        }
        if (HttpMethod.GET.equals(method)) {
            return LIST.matcher(path).matches() || ROTATION.matcher(path).matches();
        }
        return HttpMethod.POST.equals(method)
                && (QUICK_ACTION.matcher(path).matches() || ROTATIONS.matcher(path).matches());
    }
}
