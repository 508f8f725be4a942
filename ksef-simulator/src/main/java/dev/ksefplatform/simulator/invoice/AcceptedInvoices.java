package dev.ksefplatform.simulator.invoice;

import dev.ksefplatform.ksef.id.KsefNumber;
import dev.ksefplatform.simulator.invoice.AcceptedInvoice.DuplicateKey;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;

/**
 * Every accepted invoice: indexed by the duplicate triple (so the duplicate check is one atomic step, whichever
 * thread decides), by KSeF number, and per NIP as seller and as buyer in permanent-storage order (so a query or an
 * export reads only its context's window). Documents live on disk, in a {@link DocumentStore}.
 */
public final class AcceptedInvoices {

    private static final NavigableSet<AcceptedInvoice> NONE = Collections.emptyNavigableSet();

    private final ReferenceNumbers references;
    private final DocumentStore documents = new DocumentStore();
    private final Map<DuplicateKey, AcceptedInvoice> byDuplicateKey = new ConcurrentHashMap<>();
    private final Map<String, AcceptedInvoice> byKsefNumber = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<AcceptedInvoice>> asSeller = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<AcceptedInvoice>> asBuyer = new ConcurrentHashMap<>();

    public AcceptedInvoices(ReferenceNumbers references) {
        this.references = references;
    }

    public sealed interface Claim permits Claim.Accepted, Claim.Duplicate {
        record Accepted(AcceptedInvoice invoice) implements Claim { }

        record Duplicate(AcceptedInvoice original) implements Claim { }
    }

    /** The invoice already accepted with this triple, if any: a cheap look before storing a document. */
    public Optional<AcceptedInvoice> original(String sellerNip, String invoiceType, String invoiceNumber) {
        return Optional.ofNullable(byDuplicateKey.get(new DuplicateKey(sellerNip, invoiceType, invoiceNumber)));
    }

    /**
     * Accepts the invoice unless its triple is taken; {@code accept} turns a fresh KSeF number into the record to
     * keep, and the record is indexed at once.
     */
    public Claim claim(String sellerNip, String invoiceType, String invoiceNumber, Instant acquiredAt,
                       Function<String, AcceptedInvoice> accept) {
        AcceptedInvoice[] created = new AcceptedInvoice[1];
        AcceptedInvoice kept = byDuplicateKey.computeIfAbsent(new DuplicateKey(sellerNip, invoiceType, invoiceNumber),
                key -> created[0] = accept.apply(freshNumber(sellerNip, acquiredAt)));
        if (created[0] == null) {
            return new Claim.Duplicate(kept);
        }
        index(kept);
        return new Claim.Accepted(kept);
    }

    /** Stores a document on disk; the handle goes into the {@link AcceptedInvoice}. */
    public long store(byte[] xml) {
        return documents.append(xml);
    }

    public byte[] document(AcceptedInvoice invoice) {
        return documents.read(invoice.document());
    }

    public Optional<AcceptedInvoice> byKsefNumber(String ksefNumber) {
        return Optional.ofNullable(byKsefNumber.get(ksefNumber));
    }

    /** The invoices {@code nip} sold, in permanent-storage order (stored or not yet). */
    public NavigableSet<AcceptedInvoice> soldBy(String nip) {
        return asSeller.getOrDefault(nip, NONE);
    }

    /** The invoices whose buyer ({@code Podmiot2}) has the NIP {@code nip}, in permanent-storage order. */
    public NavigableSet<AcceptedInvoice> boughtBy(String nip) {
        return asBuyer.getOrDefault(nip, NONE);
    }

    /** The invoices of a storage window: from {@code from} (inclusive) to {@code to} (inclusive). */
    public static NavigableSet<AcceptedInvoice> between(NavigableSet<AcceptedInvoice> invoices, Instant from,
                                                        Instant to) {
        return from.isAfter(to) || invoices.isEmpty() ? NONE
                : invoices.subSet(AcceptedInvoice.position(from, ""), true, AcceptedInvoice.position(to, "\uffff"), true);
    }

    /** Every accepted invoice of {@code sellerNip} (every one when {@code null}), oldest acceptance first. */
    public List<AcceptedInvoice> bySeller(String sellerNip) {
        return (sellerNip == null ? byKsefNumber.values() : soldBy(sellerNip)).stream()
                .sorted(Comparator.comparing(AcceptedInvoice::acquisitionDate).thenComparing(AcceptedInvoice::ksefNumber))
                .toList();
    }

    public int count() {
        return byKsefNumber.size();
    }

    /** At shutdown: the documents live only as long as the simulator's memory does. */
    public void deleteDocuments() {
        documents.delete();
    }

    private void index(AcceptedInvoice invoice) {
        byKsefNumber.put(invoice.ksefNumber(), invoice);
        asSeller.computeIfAbsent(invoice.sellerNip(), nip -> newIndex()).add(invoice);
        if (invoice.buyerNip() != null) {
            asBuyer.computeIfAbsent(invoice.buyerNip(), nip -> newIndex()).add(invoice);
        }
    }

    private static NavigableSet<AcceptedInvoice> newIndex() {
        return new ConcurrentSkipListSet<>(AcceptedInvoice.BY_STORAGE);
    }

    private String freshNumber(String sellerNip, Instant acquiredAt) {
        LocalDate day = LocalDate.ofInstant(acquiredAt, ReferenceNumbers.WARSAW);
        String number;
        do {
            number = KsefNumber.of(sellerNip, day, references.hex(6));
        } while (byKsefNumber.containsKey(number));
        return number;
    }
}
