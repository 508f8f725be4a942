package dev.ksefplatform.credentials.vault.domain;

import java.util.HashMap;
import java.util.Map;

/** Test master keys: deterministic per version, current version switchable. */
final class FixedMasterKeys implements MasterKeys {

    private final Map<Integer, MasterKey> keys = new HashMap<>();
    private int current;

    FixedMasterKeys(int... versions) {
        for (int version : versions) {
            byte[] key = new byte[32];
            java.util.Arrays.fill(key, (byte) (version * 31 + 7));
            keys.put(version, new MasterKey(version, key));
            current = version;
        }
    }

    FixedMasterKeys useVersion(int version) {
        current = version;
        return this;
    }

    FixedMasterKeys forget(int version) {
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
