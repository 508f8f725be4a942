package dev.ksefplatform.simulator.auth;

import java.util.List;

/** Who is calling, as the verified access token says. */
public record Caller(String contextNip, List<String> permissions, String authReference, String tokenReference,
                     Login login) {
}
