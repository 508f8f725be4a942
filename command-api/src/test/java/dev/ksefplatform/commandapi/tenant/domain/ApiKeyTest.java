package dev.ksefplatform.commandapi.tenant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    @Test
    void generatesPrefixedKeysWith256RandomBits() {
        SecureRandom random = new SecureRandom();

        ApiKey first = ApiKey.generate(random);
        ApiKey second = ApiKey.generate(random);

        assertThat(first.value()).startsWith("ksef_").hasSize(5 + 43).matches("ksef_[A-Za-z0-9_-]{43}");
        assertThat(first.value()).isNotEqualTo(second.value());
    }

    @Test
    void hashesAsLowerCaseHexSha256() {
        assertThat(ApiKeyHash.of("abc").hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(new ApiKey("abc").hash()).isEqualTo(ApiKeyHash.of("abc"));
    }

    @Test
    void neverPrintsTheKey() {
        ApiKey key = ApiKey.generate(new SecureRandom());

        assertThat(key.toString()).doesNotContain(key.value());
    }
}
