package dev.ksefplatform.credentials.vault.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test master keys: deterministic per version, versions added, switched and forgotten at will; thread-safe. */
public final class FixedMasterKeys implements MasterKeys {

    private final Map<Integer, MasterKey> keys = new ConcurrentHashMap<>();
    private volatile int current;

    public FixedMasterKeys(int... versions) {
        for (int version : versions) {
            add(version);
            current = version;
        }
    }

    public FixedMasterKeys add(int version) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) (version * 31 + 7));
        keys.put(version, new MasterKey(version, key));
        return this;
    }

    public FixedMasterKeys useVersion(int version) {
        current = version;
        return this;
    }

    public FixedMasterKeys forget(int version) {
        keys.remove(version);
        return this;
    }

    @Override
    public MasterKey current() {
        return byVersion(current);
    }

    @Override
    public MasterKey byVersion(int version) {
        MasterKey key = keys.get(version);
        if (key == null) {
            throw new UnknownMasterKey(version);
        }
        return key;
    }
}
