package dev.ksefplatform.simulator.session;

import dev.ksefplatform.simulator.auth.Caller;
import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.shared.SerialLane;
import dev.ksefplatform.simulator.shared.StatusInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A session: its key, its invoices and its status. Online: 100 → 170 → 200/440/445, or 415. Batch
 * (with a {@link BatchPackage}): 100 → 150 → 200/405/420/430/435/440/445, or 415. Its invoices are decided on its
 * own {@link SerialLane}, in the order they arrived.
 */
final class OnlineSession {

    static final int MAX_INVOICES = 10_000;

    private final String referenceNumber;
    private final Caller opener;
    private final Instant dateCreated;
    private final Instant validUntil;
    private final byte[] key;
    private final byte[] iv;
    private final SessionInvoices invoices = new SessionInvoices();
    private final SerialLane lane;
    private final BatchPackage batch;
    private boolean closed;
    private Instant dateUpdated;
    private String upoReference;

    OnlineSession(String referenceNumber, Caller opener, Instant dateCreated, Instant validUntil, byte[] key, byte[] iv,
                  SerialLane lane) {
        this(referenceNumber, opener, dateCreated, validUntil, key, iv, lane, null);
    }

    OnlineSession(String referenceNumber, Caller opener, Instant dateCreated, Instant validUntil, byte[] key, byte[] iv,
                  SerialLane lane, BatchPackage batch) {
        this.referenceNumber = referenceNumber;
        this.opener = opener;
        this.dateCreated = dateCreated;
        this.validUntil = validUntil;
        this.key = key;
        this.iv = iv;
        this.lane = lane;
        this.batch = batch;
        this.dateUpdated = dateCreated;
    }

    String referenceNumber() {
        return referenceNumber;
    }

    Caller opener() {
        return opener;
    }

    String contextNip() {
        return opener.contextNip();
    }

    Instant dateCreated() {
        return dateCreated;
    }

    Instant validUntil() {
        return validUntil;
    }

    SerialLane lane() {
        return lane;
    }

    boolean hasKey() {
        return key != null;
    }

    byte[] key() {
        return key.clone();
    }

    byte[] iv() {
        return iv.clone();
    }

    synchronized Instant dateUpdated() {
        return dateUpdated;
    }

    /** Adds an invoice if the session is open and below the limit (21180, 21155 otherwise). */
    synchronized SessionInvoice add(Instant now, IntFunction<SessionInvoice> create) {
        requireOpen(now, "uniemożliwia wysyłkę faktur");
        if (invoices.count() >= MAX_INVOICES) {
            throw new KsefException(21155, "Przekroczono dozwoloną liczbę faktur w sesji.", "Sesja o numerze referencyjnym "
                    + referenceNumber + " osiągnęła dozwolony limit liczby faktur " + MAX_INVOICES + ".");
        }
        dateUpdated = now;
        return invoices.add(create);
    }

    /** The package of a batch session; {@code null} for an online session. */
    BatchPackage batch() {
        return batch;
    }

    /** An invoice unpacked from a batch package (after close). */
    synchronized SessionInvoice addUnpacked(Instant now, IntFunction<SessionInvoice> create) {
        dateUpdated = now;
        return invoices.add(create);
    }

    void settle(SessionInvoice invoice, InvoiceState next) {
        invoices.settle(invoice, next);
    }

    synchronized void close(Instant now) {
        requireOpen(now, "uniemożliwia zamknięcie sesji");
        closed = true;
        dateUpdated = now;
    }

    int invoiceCount() {
        return invoices.count();
    }

    int successfulCount() {
        return invoices.succeeded();
    }

    int failedCount() {
        return invoices.failed();
    }

    List<SessionInvoice> invoices() {
        return invoices.all();
    }

    List<SessionInvoice> invoices(int fromOrdinal, Predicate<SessionInvoice> filter, int limit) {
        return invoices.page(fromOrdinal, filter, limit);
    }

    Optional<SessionInvoice> invoice(String invoiceReference) {
        return invoices.find(invoiceReference);
    }

    synchronized StatusInfo status(Instant now) {
        if (key == null) {
            return StatusInfo.of(415, "Błąd odszyfrowania dostarczonego klucza");
        }
        if (batch != null) {
            return batchStatus(now);
        }
        if (!closed && now.isBefore(validUntil)) {
            return StatusInfo.of(100, "Sesja interaktywna otwarta");
        }
        if (!invoices.allDone()) {
            return StatusInfo.of(170, "Sesja interaktywna zamknięta");
        }
        return outcome("Sesja interaktywna przetworzona pomyślnie");
    }

    private StatusInfo batchStatus(Instant now) {
        if (batch.failure() != null) {
            return batch.failure();
        }
        if (!closed) {
            return now.isBefore(validUntil) ? StatusInfo.of(100, "Sesja wsadowa rozpoczęta")
                    : StatusInfo.of(440, "Sesja anulowana", "Przekroczono czas wysyłki");
        }
        if (!batch.unpacked() || !invoices.allDone()) {
            return StatusInfo.of(150, "Trwa przetwarzanie");
        }
        return outcome("Sesja wsadowa przetworzona pomyślnie");
    }

    private StatusInfo outcome(String success) {
        if (invoices.count() == 0) {
            return StatusInfo.of(440, "Sesja anulowana", "Nie przesłano faktur");
        }
        return invoices.succeeded() > 0 ? StatusInfo.of(200, success)
                : StatusInfo.of(445, "Błąd weryfikacji, brak poprawnych faktur");
    }

    /** The session UPO's reference, created once by {@code create} when first asked for. */
    synchronized String upoReference(Supplier<String> create) {
        if (upoReference == null) {
            upoReference = create.get();
        }
        return upoReference;
    }

    private void requireOpen(Instant now, String what) {
        int code = status(now).code();
        if (code != 100) {
            throw new KsefException(21180, "Status sesji nie pozwala na wykonanie operacji.",
                    "Status sesji " + code + " " + what + ".");
        }
    }
}
