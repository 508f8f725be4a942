package dev.ksefplatform.simulator.upo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

class UpoStorageTest {

    private static final Instant NOW = Instant.parse("2025-09-16T09:00:00Z");
    private final UpoStorage storage = storage(NOW);

    @Test
    void servesABlobThroughItsSignedLink() {
        storage.put("S/upo_1.xml", new byte[] {1, 2, 3});
        var query = query(storage.link("http://localhost", "S/upo_1.xml").url());

        assertThat(storage.read("S/upo_1.xml", Long.parseLong(query.getFirst("se")), query.getFirst("sig")))
                .hasValue(new byte[] {1, 2, 3});
    }

    @Test
    void refusesALinkWhoseSignatureDoesNotMatch() {
        storage.put("S/upo_1.xml", new byte[] {1});
        var query = query(storage.link("http://localhost", "S/upo_1.xml").url());

        assertThat(storage.read("S/upo_2.xml", Long.parseLong(query.getFirst("se")), query.getFirst("sig"))).isEmpty();
        assertThat(storage.read("S/upo_1.xml", Long.parseLong(query.getFirst("se")) + 1, query.getFirst("sig")))
                .isEmpty();
    }

    @Test
    void refusesAnExpiredLink() {
        storage.put("S/upo_1.xml", new byte[] {1});
        var query = query(storage.link("http://localhost", "S/upo_1.xml").url());

        UpoStorage later = storage(NOW.plus(Duration.ofHours(2)));
        later.put("S/upo_1.xml", new byte[] {1});
        assertThat(later.read("S/upo_1.xml", Long.parseLong(query.getFirst("se")), query.getFirst("sig"))).isEmpty();
    }

    private static UpoStorage storage(Instant now) {
        return new UpoStorage(new byte[32], Duration.ofHours(1), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static org.springframework.util.MultiValueMap<String, String> query(String url) {
        return UriComponentsBuilder.fromUri(URI.create(url)).build().getQueryParams();
    }
}
