package dev.ksefplatform.commandapi.submission.domain;

/** The document broke one of the XML shape limits and was refused there, before the rest of it was read. */
public final class InvoiceOverLimit extends InvoiceRefused {

    private final String limit;
    private final long max;
    private final transient Violation where;

    public InvoiceOverLimit(String limit, long max, Violation where) {
        super(where.message());
        this.limit = limit;
        this.max = max;
        this.where = where;
    }

    /** The limit's stable name, e.g. {@code depth}. */
    public String limit() {
        return limit;
    }

    public long max() {
        return max;
    }

    public Violation where() {
        return where;
    }
}
