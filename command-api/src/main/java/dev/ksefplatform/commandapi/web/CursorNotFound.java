package dev.ksefplatform.commandapi.web;

/**
 * A cursor the read model issued for another tenant's list: {@code 404 cursor-not-found}, as a guessed command id
 * or KSeF number of another tenant is (a malformed cursor stays {@code 400}).
 */
public final class CursorNotFound extends InvalidQueryParameter {

    public CursorNotFound() {
        super("cursor", "no such page: not from a previous page of your list");
    }
}
