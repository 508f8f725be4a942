package dev.ksefplatform.support.paging;

/**
 * A cursor this service issued, but for another tenant: answered as a page that does not exist ({@code 404
 * cursor-not-found}), exactly as a guessed command id or KSeF number of another tenant is. Not an
 * {@link IllegalArgumentException}: that is a malformed cursor, {@code 400}.
 */
public final class CursorNotFound extends RuntimeException {

    public CursorNotFound() {
        super("no such page: the cursor is not from a previous page of this tenant's list");
    }
}
