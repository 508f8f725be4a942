package dev.ksefplatform.console.person.domain;

/** What a person may do: a tenant's viewer reads, a tenant's manager also acts, an operator runs the platform. */
public enum Role {
    VIEWER, MANAGER, OPERATOR
}
