package dev.ksefplatform.commandapi.upstream.application;

/** No upstream system of that id is configured (so no ingress topic of it is read). */
public final class UpstreamNotFound extends RuntimeException {

    public UpstreamNotFound(String systemId) {
        super("no upstream system " + systemId + " is configured");
    }
}
