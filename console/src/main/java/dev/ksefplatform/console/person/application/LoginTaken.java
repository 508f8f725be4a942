package dev.ksefplatform.console.person.application;

/** Another person has this login. */
public final class LoginTaken extends RuntimeException {

    public LoginTaken(String login) {
        super("the login " + login + " is taken");
    }
}
