package dev.ksefplatform.simulator.upo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.simulator.SimulatorProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

class UpoStorageControllerTest {

    private final UpoStorage storage = new UpoStorage(new byte[32], Duration.ofHours(1), Clock.systemUTC());

    @Test
    void answersADownloadOnlyAfterTheStorageLatencyWithTheBlobAndItsHash() {
        storage.put("S/upo_1.xml", new byte[] {1, 2, 3});
        MultiValueMap<String, String> query = query(storage.link("http://localhost", "S/upo_1.xml").url());
        UpoStorageController controller = new UpoStorageController(storage, properties(Duration.ofMillis(300)));

        long start = System.nanoTime();
        ResponseEntity<byte[]> answer = controller.download("S", "upo_1.xml", Long.parseLong(query.getFirst("se")),
                query.getFirst("sig")).block(Duration.ofSeconds(10));

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
        assertThat(answer.getBody()).containsExactly(1, 2, 3);
        assertThat(answer.getHeaders().getFirst("x-ms-meta-hash")).isEqualTo(UpoStorage.hash(new byte[] {1, 2, 3}));
    }

    @Test
    void withoutALatencyABadSignatureIsRefusedAtOnce() {
        storage.put("S/upo_1.xml", new byte[] {1});
        UpoStorageController controller = new UpoStorageController(storage, properties(null));

        ResponseEntity<byte[]> answer = controller.download("S", "upo_1.xml", Long.MAX_VALUE, "forged")
                .block(Duration.ofSeconds(10));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static SimulatorProperties properties(Duration storageLatency) {
        return new SimulatorProperties(null, null, null, null, null, null, null, storageLatency);
    }

    private static MultiValueMap<String, String> query(String url) {
        return UriComponentsBuilder.fromUri(URI.create(url)).build().getQueryParams();
    }
}
