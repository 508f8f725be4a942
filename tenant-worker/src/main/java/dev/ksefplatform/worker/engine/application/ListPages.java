package dev.ksefplatform.worker.engine.application;

import java.util.HashSet;
import java.util.Set;

/**
 * Follows one session list's continuation tokens. A session holds at most 10,000 invoices (ten pages of 1,000, and
 * perhaps an empty one after the last token), so a list that runs longer or gives a token twice is not followed:
 * reading on would spend the context's small {@code sessionInvoiceList} budget to its end, and reading what came so far
 * as the whole list would take "not listed" for "never arrived" (and send an invoice twice). Either is a failure of
 * that call, retried later like a 5xx.
 */
public final class ListPages {

    static final int MAX_PAGES = 11;

    private final Set<String> tokens = new HashSet<>();
    private int pages;

    /** The token to ask the next page with, or null when the list ended. */
    public String next(String continuation) {
        pages++;
        if (continuation == null) {
            return null;
        }
        if (pages >= MAX_PAGES || !tokens.add(continuation)) {
            throw new KsefFailure.Unavailable("KSeF's session invoice list did not end after " + pages + " pages",
                    200, null, null);
        }
        return continuation;
    }
}
