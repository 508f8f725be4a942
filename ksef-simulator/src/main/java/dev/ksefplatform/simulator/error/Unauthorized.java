package dev.ksefplatform.simulator.error;

/** A missing, malformed, expired or wrong-type bearer token: 401, problem+json. */
public class Unauthorized extends RuntimeException {

    public Unauthorized(String detail) {
        super(detail);
    }
}
