package dev.ksefplatform.commandapi.web;

/** A query parameter the API does not take as given; {@code parameter} names it in the problem. */
public class InvalidQueryParameter extends RuntimeException {

    private final String parameter;

    public InvalidQueryParameter(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
