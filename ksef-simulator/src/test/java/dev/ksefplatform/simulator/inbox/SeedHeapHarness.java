package dev.ksefplatform.simulator.inbox;

import dev.ksefplatform.simulator.invoice.AcceptedInvoices;
import dev.ksefplatform.simulator.invoice.InvoiceVerifier;
import dev.ksefplatform.simulator.invoice.PublishedHwms;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import java.lang.management.ManagementFactory;
import java.time.Clock;

/**
 * Heap per seeded invoice: the simulator's invoice store before and after seeding {@code args[0]} invoices (after full
 * GCs), beside the document bytes each invoice keeps on disk instead. Run by {@code ksef-simulator/throughput.sh}.
 */
public final class SeedHeapHarness {

    private SeedHeapHarness() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Clock clock = Clock.systemUTC();
        AcceptedInvoices accepted = new AcceptedInvoices(new ReferenceNumbers(clock));
        InboxSeeder seeder = new InboxSeeder(accepted, new PublishedHwms(), new InvoiceVerifier(clock),
                new ReferenceNumbers(clock), clock);
        seeder.seed(new SeedRequest("7762811692", 10, null, null, null, null).validated()); // classes, XSD, caches
        long before = usedHeap();
        long t0 = System.nanoTime();
        seeder.seed(new SeedRequest("5265877635", count, null, null, null, null).validated());
        long seconds = System.nanoTime() - t0;
        long after = usedHeap();
        int documentBytes = accepted.document(accepted.boughtBy("5265877635").first()).length;
        System.out.printf("FIGURE seeding %d invoices in-process: %.1f s; heap %d B per invoice (its document, on disk "
                + "instead: %d B)%n", count, seconds / 1e9, (after - before) / count, documentBytes);
        System.out.println("(kept alive: " + accepted.count() + " invoices)");
        accepted.deleteDocuments();
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
