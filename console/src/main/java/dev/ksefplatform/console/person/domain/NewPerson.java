package dev.ksefplatform.console.person.domain;

import java.util.regex.Pattern;

/** A person to register, checked: a login of 3–100 plain characters, a password of 12+, a tenant iff not operator. */
public record NewPerson(String login, String password, Role role, String tenantId) {

    public static final int MIN_PASSWORD = 12;
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@-]{3,100}");

    public NewPerson {
        if (login == null || !LOGIN.matcher(login).matches()) {
            throw new InvalidPerson("a login is 3-100 letters, digits or . _ @ -");
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            throw new InvalidPerson("a password is " + MIN_PASSWORD + "-200 characters");
        }
        if ((role == Role.OPERATOR) != (tenantId == null)) {
            throw new InvalidPerson("a tenant's person names its tenant; an operator names none");
        }
    }

    @Override
    public String toString() {
        return "NewPerson[login=" + login + ", role=" + role + ", tenantId=" + tenantId + "]";
    }
}
