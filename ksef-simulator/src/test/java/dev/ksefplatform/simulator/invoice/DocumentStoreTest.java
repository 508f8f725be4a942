package dev.ksefplatform.simulator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DocumentStoreTest {

    private final DocumentStore store = new DocumentStore();

    @AfterEach
    void deleteTheFile() {
        store.delete();
    }

    @Test
    void readsBackEachDocumentByItsHandle() {
        long first = store.append(bytes("<a/>"));
        long second = store.append(bytes("<second>ż</second>"));
        long empty = store.append(new byte[0]);

        assertThat(store.read(second)).isEqualTo(bytes("<second>ż</second>"));
        assertThat(store.read(first)).isEqualTo(bytes("<a/>"));
        assertThat(store.read(empty)).isEmpty();
    }

    @Test
    void documentsAppendedFromManyThreadsEachReadBackWhole() {
        ConcurrentMap<Long, Integer> handles = new ConcurrentHashMap<>();

        IntStream.range(0, 2_000).parallel().forEach(i -> handles.put(store.append(bytes("<doc n=\"" + i + "\"/>")), i));

        assertThat(handles).hasSize(2_000);
        handles.forEach((handle, i) -> assertThat(store.read(handle)).isEqualTo(bytes("<doc n=\"" + i + "\"/>")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
