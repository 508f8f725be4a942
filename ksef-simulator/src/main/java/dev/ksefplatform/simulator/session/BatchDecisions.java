package dev.ksefplatform.simulator.session;

import dev.ksefplatform.ksef.xml.InvoiceFacts;
import dev.ksefplatform.simulator.shared.Workers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides the invoices of a batch package on every core, and still as if one by one in file order: invoices that
 * could be duplicates of each other (same seller NIP, {@code RodzajFaktury} and {@code P_2}) go to the same strand,
 * in file order, so the first of them in the package is the one accepted.
 */
final class BatchDecisions {

    /** Invoices read ahead of their decisions: it bounds the documents held in memory at once. */
    static final int CHUNK = 512;

    private final InvoiceProcessor invoices;
    private final Workers workers;

    BatchDecisions(InvoiceProcessor invoices, Workers workers) {
        this.invoices = invoices;
        this.workers = workers;
    }

    /** Decides one chunk (invoices already added to the session, in file order) and waits until every one is settled. */
    void decide(OnlineSession session, List<SessionInvoice> chunk, List<byte[]> contents) {
        int ways = workers.parallelism();
        List<List<SessionInvoice>> strands = new ArrayList<>();
        for (int i = 0; i < ways; i++) {
            strands.add(new ArrayList<>());
        }
        for (int i = 0; i < chunk.size(); i++) {
            strands.get(Math.floorMod(duplicateKeyHash(contents.get(i)), ways)).add(chunk.get(i));
        }
        workers.all(strands.stream().filter(strand -> !strand.isEmpty())
                .<Runnable>map(strand -> () -> strand.forEach(i -> session.settle(i, invoices.outcome(session, i))))
                .toList());
    }

    /** A document that cannot be read is rejected without a duplicate check, so any strand will do. */
    private static int duplicateKeyHash(byte[] content) {
        try {
            InvoiceFacts facts = InvoiceFacts.read(content);
            return Objects.hash(facts.sellerNip(), facts.invoiceType(), facts.invoiceNumber());
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }
}
