package dev.ksefplatform.credentials.vault;

import dev.ksefplatform.credentials.config.CredentialsProperties;
import dev.ksefplatform.credentials.vault.adapter.config.PropertyMasterKeys;
import dev.ksefplatform.credentials.vault.domain.EnvelopeCipher;
import dev.ksefplatform.credentials.vault.domain.MasterKeys;
import dev.ksefplatform.credentials.vault.adapter.r2dbc.R2dbcKeyRotations;
import dev.ksefplatform.credentials.vault.adapter.r2dbc.R2dbcSecretEnvelopes;
import dev.ksefplatform.credentials.vault.application.MasterKeyRotation;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class VaultConfiguration {

    /** A KMS-backed {@link MasterKeys} bean replaces this one. */
    @Bean
    @ConditionalOnMissingBean(MasterKeys.class)
    MasterKeys masterKeys(CredentialsProperties properties) {
        return new PropertyMasterKeys(properties.vault().masterKeys(), properties.vault().currentVersion());
    }

    @Bean
    EnvelopeCipher envelopeCipher(MasterKeys masterKeys) {
        return new EnvelopeCipher(masterKeys, new SecureRandom());
    }

    @Bean
    MasterKeyRotation masterKeyRotation(DatabaseClient db, EnvelopeCipher cipher, CredentialsProperties properties,
                                        Clock clock, Supplier<UUID> ids) {
        return new MasterKeyRotation(new R2dbcSecretEnvelopes(db, clock), new R2dbcKeyRotations(db), cipher, clock, ids,
                properties.vault().rotationBatchSize());
    }
}
