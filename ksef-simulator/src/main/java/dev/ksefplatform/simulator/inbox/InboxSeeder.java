package dev.ksefplatform.simulator.inbox;

import dev.ksefplatform.ksef.id.Nip;
import dev.ksefplatform.simulator.invoice.AcceptedInvoice;
import dev.ksefplatform.simulator.invoice.AcceptedInvoices;
import dev.ksefplatform.simulator.invoice.InvoiceDetails;
import dev.ksefplatform.simulator.invoice.InvoiceVerifier;
import dev.ksefplatform.simulator.invoice.PublishedHwms;
import dev.ksefplatform.simulator.invoice.Verdict;
import dev.ksefplatform.simulator.shared.Crypto;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Accepts many invoices to one buyer at once, as if their sellers had sent them online: same duplicate rule, KSeF
 * numbers, documents on disk, the same indexes — so metadata queries, downloads and exports see them exactly as they
 * see invoices from sessions, once their permanent-storage date has passed.
 */
final class InboxSeeder {

    static final String SESSION = "sim-seeded";
    static final int DEFAULT_SELLERS = 50;

    private final AcceptedInvoices accepted;
    private final PublishedHwms published;
    private final InvoiceVerifier verifier;
    private final ReferenceNumbers references;
    private final Clock clock;
    private final SeedDocuments documents = new SeedDocuments();

    InboxSeeder(AcceptedInvoices accepted, PublishedHwms published, InvoiceVerifier verifier,
                ReferenceNumbers references, Clock clock) {
        this.accepted = accepted;
        this.published = published;
        this.verifier = verifier;
        this.references = references;
        this.clock = clock;
    }

    record Seeded(String buyerNip, int count, List<String> sellerNips, Instant firstPermanentStorageDate,
                  Instant lastPermanentStorageDate) {
    }

    Seeded seed(SeedRequest request) {
        List<String> sellers = request.sellerNips() != null ? List.copyOf(request.sellerNips()) : randomSellers();
        SeedSchedule schedule = SeedSchedule.of(request, clock.instant(), floor(request, sellers));
        Batch batch = new Batch(request.buyerNip(), sellers, references.hex(4));
        for (int i = 0; i < request.count(); i++) {
            accept(batch, i, schedule.at(i));
        }
        return new Seeded(request.buyerNip(), request.count(), sellers, schedule.at(0),
                schedule.at(request.count() - 1));
    }

    /** Shared strings and metadata of one seeding call: most of a seeded invoice's heap is shared. */
    private static final class Batch {
        final String buyer;
        final String buyerName;
        final List<String> sellers;
        final List<String> sellerNames = new ArrayList<>();
        final String prefix;
        final Map<InvoiceDetails, InvoiceDetails> details = new HashMap<>();
        final Map<LocalDate, String> days = new HashMap<>();
        boolean verified;

        Batch(String buyer, List<String> sellers, String id) {
            this.buyer = buyer;
            this.buyerName = SeedDocuments.buyerName(buyer);
            this.sellers = sellers;
            this.prefix = "SEED/" + id + "/";
            sellers.forEach(s -> sellerNames.add(SeedDocuments.sellerName(s)));
        }
    }

    private void accept(Batch batch, int index, Instant stored) {
        Instant acquired = stored.minus(AcceptedInvoice.PERMANENT_STORAGE_DELAY);
        LocalDate today = LocalDate.now(clock.withZone(ReferenceNumbers.WARSAW));
        LocalDate day = LocalDate.ofInstant(acquired, ReferenceNumbers.WARSAW);
        String issueDate = batch.days.computeIfAbsent(day.isAfter(today) ? today : day, LocalDate::toString);
        int s = index % batch.sellers.size();
        String seller = batch.sellers.get(s);
        String number = batch.prefix + index;
        SeedDocuments.Document document = documents.render(index, seller, batch.sellerNames.get(s), batch.buyer,
                batch.buyerName, issueDate, number, acquired.toString());
        verifyOnce(batch, document.xml(), seller);
        InvoiceDetails details = batch.details.computeIfAbsent(document.details(), d -> d);
        long handle = accepted.store(document.xml());
        accepted.claim(seller, "VAT", number, acquired, ksefNumber -> new AcceptedInvoice(ksefNumber, seller, "VAT",
                number, issueDate, Crypto.sha256Base64(document.xml()), SESSION, acquired, acquired, stored, "Online",
                details, handle));
    }

    /** The first document of a call goes through KSeF's own checks: the template stays honest. */
    private void verifyOnce(Batch batch, byte[] xml, String seller) {
        if (!batch.verified) {
            Verdict verdict = verifier.verify(xml, seller);
            if (verdict instanceof Verdict.Rejected rejected) {
                throw new IllegalStateException("the seed template is not a valid FA(3) invoice: " + rejected.status());
            }
            batch.verified = true;
        }
    }

    private Instant floor(SeedRequest request, List<String> sellers) {
        Instant floor = published.latest(request.buyerNip());
        for (String seller : sellers) {
            Instant shown = published.latest(seller);
            floor = shown.isAfter(floor) ? shown : floor;
        }
        return floor;
    }

    /** Checksum-valid NIPs that also match the spec's pattern (digits 2-3 not both zero). */
    private static List<String> randomSellers() {
        List<String> sellers = new ArrayList<>();
        while (sellers.size() < DEFAULT_SELLERS) {
            String nip = Nip.withCheckDigit(Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L)));
            if (nip != null && SeedRequest.NIP.matcher(nip).matches() && !sellers.contains(nip)) {
                sellers.add(nip);
            }
        }
        return sellers;
    }
}
