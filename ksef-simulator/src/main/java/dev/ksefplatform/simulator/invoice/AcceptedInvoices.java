package dev.ksefplatform.simulator.invoice;

import dev.ksefplatform.ksef.id.KsefNumber;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import dev.ksefplatform.simulator.shared.TempFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Every accepted invoice, indexed by the duplicate triple (seller NIP, RodzajFaktury, P_2). */
public final class AcceptedInvoices {

    private final ReferenceNumbers references;
    private final Map<String, AcceptedInvoice> byDuplicateKey = new ConcurrentHashMap<>();
    private final Map<String, AcceptedInvoice> byKsefNumber = new ConcurrentHashMap<>();
    private final Map<String, InvoiceDetails> details = new ConcurrentHashMap<>();
    private Path documents;

    public AcceptedInvoices(ReferenceNumbers references) {
        this.references = references;
    }

    public sealed interface Claim permits Claim.Accepted, Claim.Duplicate {
        record Accepted(AcceptedInvoice invoice) implements Claim { }

        record Duplicate(AcceptedInvoice original) implements Claim { }
    }

    /**
     * Accepts the invoice unless its triple is taken; {@code accept} turns a fresh KSeF number into
     * the record to keep.
     */
    public Claim claim(String sellerNip, String invoiceType, String invoiceNumber, Instant acquiredAt,
                       Function<String, AcceptedInvoice> accept) {
        String key = AcceptedInvoice.duplicateKey(sellerNip, invoiceType, invoiceNumber);
        AcceptedInvoice[] created = new AcceptedInvoice[1];
        AcceptedInvoice kept = byDuplicateKey.computeIfAbsent(key, k -> {
            created[0] = accept.apply(freshNumber(sellerNip, acquiredAt));
            byKsefNumber.put(created[0].ksefNumber(), created[0]);
            return created[0];
        });
        return created[0] != null ? new Claim.Accepted(kept) : new Claim.Duplicate(kept);
    }

    public List<AcceptedInvoice> bySeller(String sellerNip) {
        return byKsefNumber.values().stream()
                .filter(invoice -> sellerNip == null || sellerNip.equals(invoice.sellerNip()))
                .sorted(java.util.Comparator.comparing(AcceptedInvoice::acquisitionDate))
                .toList();
    }

    /** Keeps the accepted document (on disk, not in heap) and what its metadata shows. */
    public void keep(String ksefNumber, byte[] xml) {
        try {
            Files.write(documents().resolve(ksefNumber + ".xml"), xml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store invoice " + ksefNumber, e);
        }
        details.put(ksefNumber, InvoiceDetails.read(xml));
    }

    public Optional<InvoiceDetails> details(String ksefNumber) {
        return Optional.ofNullable(details.get(ksefNumber));
    }

    /** The stored document, when this invoice was kept. */
    public Optional<Path> document(String ksefNumber) {
        Path file = documents == null ? null : documents.resolve(ksefNumber + ".xml");
        return file != null && details.containsKey(ksefNumber) ? Optional.of(file) : Optional.empty();
    }

    /** Every kept invoice with its details. */
    public List<AcceptedInvoice> kept() {
        return byKsefNumber.values().stream().filter(i -> details.containsKey(i.ksefNumber())).toList();
    }

    /** At shutdown: the kept documents live only as long as the simulator's memory does. */
    public synchronized void deleteDocuments() {
        if (documents != null) {
            TempFiles.deleteTree(documents);
        }
    }

    private synchronized Path documents() throws IOException {
        if (documents == null) {
            documents = Files.createTempDirectory("ksef-simulator-invoices");
        }
        return documents;
    }

    public Optional<AcceptedInvoice> byKsefNumber(String ksefNumber) {
        return Optional.ofNullable(byKsefNumber.get(ksefNumber));
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
