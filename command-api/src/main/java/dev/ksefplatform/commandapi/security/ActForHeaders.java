package dev.ksefplatform.commandapi.security;

import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/**
 * Reads the console's act-for headers (CONTRACTS.md, command-api): honoured only with the {@code console} caller's
 * bearer token and without an API key; anything else naming a person is refused, never ignored.
 */
public final class ActForHeaders {

    public static final String TENANT = "X-Act-For-Tenant";
    public static final String ACTOR_TYPE = "X-Actor-Type";
    public static final String ACTOR_ID = "X-Actor-Id";
    static final String CONSOLE = "console";

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final Set<String> TYPES = Set.of("TENANT", "STAFF");

    private final BearerCallers callers;

    public ActForHeaders(BearerCallers callers) {
        this.callers = callers;
    }

    static boolean present(HttpHeaders headers) {
        return headers.containsKey(TENANT) || headers.containsKey(ACTOR_TYPE) || headers.containsKey(ACTOR_ID);
    }

    /** The person named, or {@link NotAuthenticated} / {@link NotPermitted} when the caller may not name one. */
    ActingPerson person(HttpHeaders headers) {
        if (headers.containsKey("X-API-Key")) {
            throw NotPermitted.actFor();
        }
        callers.require(headers.getFirst(HttpHeaders.AUTHORIZATION), CONSOLE);
        String tenant = headers.getFirst(TENANT);
        String type = headers.getFirst(ACTOR_TYPE);
        String id = headers.getFirst(ACTOR_ID);
        if (tenant == null || !UUID.matcher(tenant).matches() || !TYPES.contains(type) || id == null
                || !ACTOR.matcher(id).matches()) {
            throw NotPermitted.actFor();
        }
        return new ActingPerson(tenant, type, id);
    }
}
