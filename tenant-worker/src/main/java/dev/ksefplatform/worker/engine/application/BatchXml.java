package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.QueuedInvoice;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A batch's entries, their XML read from the database a group at a time as the archive is written: one statement per
 * group where there was one per invoice, and at most one group in memory (up to {@link #GROUP_BYTES} of XML, or one
 * invoice if it is larger, and never more than {@link #GROUP_INVOICES}).
 */
final class BatchXml {

    static final long GROUP_BYTES = 1 << 20;
    static final int GROUP_INVOICES = 256;

    private BatchXml() {
    }

    static Iterable<Ksef.BatchEntry> entries(List<QueuedInvoice> invoices, Map<String, String> files, LaneStore store) {
        return () -> groups(invoices).stream().flatMap(group -> read(group, files, store)).iterator();
    }

    static List<List<QueuedInvoice>> groups(List<QueuedInvoice> invoices) {
        List<List<QueuedInvoice>> groups = new ArrayList<>();
        List<QueuedInvoice> group = new ArrayList<>();
        long bytes = 0;
        for (QueuedInvoice invoice : invoices) {
            if (!group.isEmpty() && (bytes + invoice.xmlSize() > GROUP_BYTES || group.size() == GROUP_INVOICES)) {
                groups.add(group);
                group = new ArrayList<>();
                bytes = 0;
            }
            group.add(invoice);
            bytes += invoice.xmlSize();
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    private static Stream<Ksef.BatchEntry> read(List<QueuedInvoice> group, Map<String, String> files, LaneStore store) {
        Map<String, byte[]> xml = store.xml(group.stream().map(i -> i.ref().commandId()).toList());
        return group.stream().map(i -> {
            byte[] document = xml.get(i.ref().commandId());
            if (document == null) {
                throw new IllegalStateException("the XML of command " + i.ref().commandId() + " is gone");
            }
            return new Ksef.BatchEntry(files.get(i.ref().commandId()), () -> new ByteArrayInputStream(document));
        });
    }
}
