package dev.ksefplatform.credentials.vault.adapter.config;

import dev.ksefplatform.credentials.vault.domain.MasterKey;
import dev.ksefplatform.credentials.vault.domain.MasterKeys;
import dev.ksefplatform.credentials.vault.domain.UnknownMasterKey;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Master keys from configuration: {@code credentials.vault.master-keys.<version>} (Base64, 256 bits)
 * and {@code credentials.vault.current-version}. Environment variables bind the same way
 * ({@code CREDENTIALS_VAULT_MASTERKEYS_2}, {@code CREDENTIALS_VAULT_CURRENTVERSION}).
 */
public final class PropertyMasterKeys implements MasterKeys {

    private final Map<Integer, MasterKey> byVersion;
    private final AtomicInteger current;

    public PropertyMasterKeys(Map<Integer, String> base64ByVersion, int currentVersion) {
        Map<Integer, MasterKey> keys = new TreeMap<>();
        base64ByVersion.forEach((version, base64) -> keys.put(version, decode(version, base64)));
        this.byVersion = Map.copyOf(keys);
        this.current = new AtomicInteger(currentVersion);
        byVersion(currentVersion);
    }

    @Override
    public MasterKey current() {
        return byVersion(current.get());
    }

    @Override
    public MasterKey byVersion(int version) {
        MasterKey key = byVersion.get(version);
        if (key == null) {
            throw new UnknownMasterKey(version);
        }
        return key;
    }

    private static MasterKey decode(int version, String base64) {
        try {
            return new MasterKey(version, Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("credentials.vault.master-keys." + version
                    + " must be 32 bytes in Base64", null);
        }
    }
}
