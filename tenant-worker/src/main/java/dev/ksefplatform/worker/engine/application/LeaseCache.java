package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reuses a lease for its validity per (lane, purpose) instead of one HTTP call per invoice; a 401 from KSeF drops it.
 * One entry per active lane and purpose, removed with the lane.
 */
public final class LeaseCache implements TenantCredentials {

    private final TenantCredentials vault;
    private final Clock clock;
    private final Map<Key, Lease> leases = new ConcurrentHashMap<>();

    public LeaseCache(TenantCredentials vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    @Override
    public Lease lease(LaneKey lane, String purpose) {
        Key key = new Key(lane, purpose);
        Lease cached = leases.get(key);
        if (cached != null && isFresh(cached)) {
            LogIds.leased(cached.integrationId());
            return cached;
        }
        Lease fresh = vault.lease(lane, purpose);
        leases.put(key, fresh);
        LogIds.leased(fresh.integrationId());
        return fresh;
    }

    /** The integration whose credential the lane was lent last, if a lease is still held. */
    public Optional<String> integrationOf(LaneKey lane) {
        return leases.entrySet().stream().filter(e -> e.getKey().lane().equals(lane))
                .map(e -> e.getValue().integrationId()).filter(Objects::nonNull).findFirst();
    }

    public void invalidate(LaneKey lane) {
        leases.keySet().removeIf(key -> key.lane().equals(lane));
    }

    private boolean isFresh(Lease lease) {
        return lease.validUntil() == null || lease.validUntil().minus(EXPIRY_MARGIN).isAfter(clock.instant());
    }

    private record Key(LaneKey lane, String purpose) {
    }
}
