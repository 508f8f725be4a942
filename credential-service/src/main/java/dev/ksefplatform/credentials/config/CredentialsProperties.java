package dev.ksefplatform.credentials.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code credentials.*}: who may call, and the vault's master keys. */
@ConfigurationProperties("credentials")
public record CredentialsProperties(Security security, Vault vault) {

    public record Security(Map<String, String> callers) {
        public Security {
            callers = callers == null ? Map.of() : Map.copyOf(callers);
        }
    }

    /** {@code rotationBatchSize}: envelopes re-wrapped per batch during a master-key rotation (default 100). */
    public record Vault(int currentVersion, Map<Integer, String> masterKeys, int rotationBatchSize) {
        public Vault {
            masterKeys = masterKeys == null ? Map.of() : Map.copyOf(masterKeys);
            rotationBatchSize = rotationBatchSize > 0 ? rotationBatchSize : 100;
        }

        @Override
        public String toString() {
            return "Vault[currentVersion=" + currentVersion + ", versions=" + masterKeys.keySet()
                    + ", rotationBatchSize=" + rotationBatchSize + "]";
        }
    }
}
