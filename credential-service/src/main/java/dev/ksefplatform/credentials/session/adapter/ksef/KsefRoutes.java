package dev.ksefplatform.credentials.session.adapter.ksef;

import dev.ksefplatform.ksef.limits.LimitGroup;
import java.util.regex.Pattern;

/**
 * Where a KSeF call counts in the official limit table: the authentication flow and public endpoints per client IP
 * only ({@link LimitGroup#AUTH}); the protected endpoints this service calls (token status, permission queries, auth
 * sessions) are "other", each endpoint with its own counter per context.
 */
final class KsefRoutes {

    /** The budget key of per-IP limits: they are shared by every context. */
    static final String PER_IP = "*";

    private static final Pattern PUBLIC_POST =
            Pattern.compile(".*/auth/(challenge|ksef-token|xades-signature|token/redeem|token/refresh)");
    private static final Pattern PUBLIC_GET =
            Pattern.compile(".*/(auth/(?!sessions)[^/]+|security/public-key-certificates|peppol/query)");
    private static final Pattern REFERENCE = Pattern.compile("/\\d{8}-[A-Z]{2}-[0-9A-F-]+");

    private KsefRoutes() {
    }

    record Route(LimitGroup group, String endpoint, boolean perIp) {
    }

    static Route of(String method, String path) {
        if (isPublic(method, path)) {
            return new Route(LimitGroup.AUTH, null, true);
        }
        return new Route(LimitGroup.OTHER, method + " " + template(path), false);
    }

    private static boolean isPublic(String method, String path) {
        return "POST".equals(method) && PUBLIC_POST.matcher(path).matches()
                || "GET".equals(method) && PUBLIC_GET.matcher(path).matches();
    }

    /** Reference numbers are folded together, as KSeF counts per endpoint, not per resource. */
    static String template(String path) {
        return REFERENCE.matcher(path).replaceAll("/{ref}");
    }
}
