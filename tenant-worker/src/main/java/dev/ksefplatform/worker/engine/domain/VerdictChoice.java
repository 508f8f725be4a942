package dev.ksefplatform.worker.engine.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which sessions' verdicts are read from {@code GET /sessions/{ref}/invoices} (one page lists up to 1,000 invoices,
 * {@code sessionInvoiceList} budget) rather than asked one by one ({@code invoiceStatus} budget). A session is listed
 * when one of its verdicts is due, at least {@link LaneSettings#verdictListFrom()} are awaited (the list answers for
 * all of them at once) and reading its whole list costs less than their status calls, and the list budget allows every page now while keeping a reserve: recovery of lost sends,
 * 440 checks, batch failures and UPO links share that small budget (KSeF: 20 a minute, 200 an hour).
 */
public final class VerdictChoice {

    /** ksef-client reads session lists in pages of this many invoices. */
    static final int PAGE_SIZE = 1000;
    /**
     * The worker parses every entry of a page (with its UPO link, about 600 bytes of JSON) to find the few it awaits:
     * this many entries are weighed as one call, so a long session is not re-read for a handful of verdicts.
     */
    static final int ENTRIES_PER_CALL = 100;

    private final LaneSettings settings;

    public VerdictChoice(LaneSettings settings) {
        this.settings = settings;
    }

    /**
     * The verdicts awaited in one session, the earliest due at {@code dueAt}. {@code invoices}: how many the session
     * holds as far as the lane knows (its current session), 0 when it does not (an earlier session: the largest a
     * session can be is assumed).
     */
    public record SessionAwaiting(String sessionRef, int awaiting, int invoices, Instant dueAt) {
    }

    /** The sessions to list now, most due first; the others' verdicts are asked one by one. */
    public List<String> listed(List<SessionAwaiting> sessions, Budgets budgets, Instant now) {
        List<String> listed = new ArrayList<>();
        int pages = 0;
        for (SessionAwaiting session : sessions.stream().filter(s -> !s.dueAt().isAfter(now))
                .sorted(Comparator.comparingInt(SessionAwaiting::awaiting).reversed()).toList()) {
            if (worthListing(session) && affordable(budgets, pages + pages(session), now)) {
                pages += pages(session);
                listed.add(session.sessionRef());
            }
        }
        return listed;
    }

    boolean worthListing(SessionAwaiting session) {
        long cost = pages(session) + (long) size(session) / ENTRIES_PER_CALL;
        return session.awaiting() >= settings.verdictListFrom() && cost < session.awaiting();
    }

    /** Every page fits the list budget now, and a quarter of its minute and a tenth of its hour remain. */
    private static boolean affordable(Budgets budgets, int pages, Instant now) {
        if (budgets.availableAt(KsefLimit.SESSION_INVOICE_LIST, pages).isAfter(now)) {
            return false;
        }
        Budgets.Capacity left = budgets.capacity(KsefLimit.SESSION_INVOICE_LIST);
        return left.perMinute() - pages >= Math.max(1, left.limitPerMinute() / 4)
                && left.perHour() - pages >= Math.max(1, left.limitPerHour() / 10);
    }

    private int pages(SessionAwaiting session) {
        return Math.max(1, (size(session) + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    private int size(SessionAwaiting session) {
        return session.invoices() > 0 ? session.invoices() : settings.sessionMaxInvoices();
    }
}
