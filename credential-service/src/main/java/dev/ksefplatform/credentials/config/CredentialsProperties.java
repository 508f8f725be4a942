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

    public record Vault(int currentVersion, Map<Integer, String> masterKeys) {
        public Vault {
            masterKeys = masterKeys == null ? Map.of() : Map.copyOf(masterKeys);
        }

        @Override
        public String toString() {
            return "Vault[currentVersion=" + currentVersion + ", versions=" + masterKeys.keySet() + "]";
        }
    }
}
