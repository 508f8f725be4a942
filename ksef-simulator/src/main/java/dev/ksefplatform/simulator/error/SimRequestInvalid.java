package dev.ksefplatform.simulator.error;

/** A bad request to a simulator-only endpoint: 400 with the platform's problem type. */
public class SimRequestInvalid extends RuntimeException {

    public SimRequestInvalid(String detail) {
        super(detail);
    }
}
