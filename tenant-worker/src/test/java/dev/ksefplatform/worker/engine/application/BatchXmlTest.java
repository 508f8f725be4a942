package dev.ksefplatform.worker.engine.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.InvoiceForm;
import dev.ksefplatform.worker.engine.domain.QueuedInvoice;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchXmlTest {

    private final List<List<String>> reads = new ArrayList<>();

    @Test
    void groupsAreBoundedByBytesAndByCount() {
        assertThat(sizes(invoices(600, 5_000))).containsExactly(209, 209, 182);
        assertThat(sizes(invoices(600, 1_000))).containsExactly(256, 256, 88);
        List<QueuedInvoice> mixed = new ArrayList<>(invoices(2, 5_000));
        mixed.add(invoice(99, 3_000_000));
        mixed.addAll(invoices(2, 5_000));
        assertThat(sizes(mixed)).as("an invoice larger than a group goes alone").containsExactly(2, 1, 2);
    }

    @Test
    void entriesReadTheirXmlOneGroupAtATimeInOrder() {
        List<QueuedInvoice> invoices = invoices(600, 5_000);
        Map<String, String> files = new HashMap<>();
        invoices.forEach(i -> files.put(i.ref().commandId(), "f-" + i.ref().commandId() + ".xml"));

        Iterator<Ksef.BatchEntry> entries = BatchXml.entries(invoices, files, store(id -> "<x>" + id + "</x>"))
                .iterator();
        Ksef.BatchEntry first = entries.next();
        assertThat(reads).as("nothing beyond the first group is read before it is needed").hasSize(1);
        List<String> contents = new ArrayList<>(List.of(read(first)));
        List<String> names = new ArrayList<>(List.of(first.fileName()));
        entries.forEachRemaining(e -> {
            names.add(e.fileName());
            contents.add(read(e));
        });

        assertThat(reads).extracting(List::size).containsExactly(209, 209, 182);
        assertThat(names).containsExactlyElementsOf(invoices.stream().map(i -> "f-" + i.ref().commandId() + ".xml")
                .toList());
        assertThat(contents).containsExactlyElementsOf(invoices.stream().map(i -> "<x>" + i.ref().commandId() + "</x>")
                .toList());
    }

    @Test
    void anXmlThatIsGoneStopsTheBatch() {
        List<QueuedInvoice> invoices = invoices(3, 100);
        Iterable<Ksef.BatchEntry> entries = BatchXml.entries(invoices, Map.of(),
                store(id -> id.equals("c1") ? null : "<x/>"));

        assertThatThrownBy(() -> entries.forEach(e -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("c1");
    }

    private LaneStore store(Function<String, String> xml) {
        LaneStore store = mock(LaneStore.class);
        when(store.xml(anyCollection())).thenAnswer(call -> {
            Collection<String> ids = call.getArgument(0);
            reads.add(List.copyOf(ids));
            Map<String, byte[]> found = new HashMap<>();
            ids.forEach(id -> {
                String document = xml.apply(id);
                if (document != null) {
                    found.put(id, document.getBytes(StandardCharsets.UTF_8));
                }
            });
            return found;
        });
        return store;
    }

    private static List<Integer> sizes(List<QueuedInvoice> invoices) {
        return BatchXml.groups(invoices).stream().map(List::size).toList();
    }

    private static List<QueuedInvoice> invoices(int count, int size) {
        return IntStream.range(0, count).mapToObj(n -> invoice(n, size)).toList();
    }

    private static QueuedInvoice invoice(int n, int size) {
        return new QueuedInvoice(new CommandRef("c" + n, "t", "c" + n, null), new InvoiceForm("FA (3)", "1-0E", "FA"),
                "F/" + n, "h" + n, false, null, size, List.of());
    }

    private static String read(Ksef.BatchEntry entry) {
        try (InputStream in = entry.xml().open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
