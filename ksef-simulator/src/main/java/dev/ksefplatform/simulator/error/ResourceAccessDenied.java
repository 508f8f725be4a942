package dev.ksefplatform.simulator.error;

/** A caller that may not act on this resource (e.g. another's KSeF token): 403 {@code insufficient-resource-access}. */
public class ResourceAccessDenied extends RuntimeException {

    public ResourceAccessDenied(String detail) {
        super(detail);
    }
}
