package dev.ksefplatform.simulator.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.session.BatchRequests.BatchFile;
import dev.ksefplatform.simulator.session.BatchRequests.BatchFilePart;
import dev.ksefplatform.simulator.session.BatchRequests.OpenBatchSessionRequest;
import dev.ksefplatform.simulator.session.SessionRequests.Encryption;
import dev.ksefplatform.simulator.session.SessionRequests.FormCode;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchRequestsTest {

    private static final String HASH = Base64.getEncoder().encodeToString(new byte[32]);
    private static final FormCode FA3 = new FormCode("FA (3)", "1-0E", "FA");
    private static final Encryption KEY = new Encryption(Base64.getEncoder().encodeToString(new byte[256]),
            Base64.getEncoder().encodeToString(new byte[16]), null);

    @Test
    void acceptsAPartOfExactly100MillionBytesPlusPadding() {
        OpenBatchSessionRequest request = request(List.of(new BatchFilePart(1, 100_000_016L, HASH)));

        request.validate();

        assertThat(request.batchFile().fileParts()).hasSize(1);
    }

    @Test
    void rejectsALargerPartWith21157() {
        assertThatThrownBy(() -> request(List.of(new BatchFilePart(1, 100_000_017L, HASH))).validate())
                .isInstanceOfSatisfying(KsefException.class, e -> assertThat(e.code()).isEqualTo(21157));
    }

    @Test
    void rejects51PartsWith21161() {
        List<BatchFilePart> parts = IntStream.rangeClosed(1, 51).mapToObj(n -> new BatchFilePart(n, 16L, HASH)).toList();

        assertThatThrownBy(() -> request(parts).validate())
                .isInstanceOfSatisfying(KsefException.class, e -> assertThat(e.code()).isEqualTo(21161));
    }

    @Test
    void rejectsAGapInOrdinalNumbers() {
        List<BatchFilePart> parts = List.of(new BatchFilePart(1, 16L, HASH), new BatchFilePart(3, 16L, HASH));

        assertThatThrownBy(() -> request(parts).validate())
                .isInstanceOfSatisfying(KsefException.class, e -> assertThat(e.code()).isEqualTo(21405));
    }

    private static OpenBatchSessionRequest request(List<BatchFilePart> parts) {
        return new OpenBatchSessionRequest(FA3, new BatchFile(1_000L, HASH, null, parts), KEY, null);
    }
}
