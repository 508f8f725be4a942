package dev.ksefplatform.worker.upo.application;

import dev.ksefplatform.worker.engine.application.Ksef;
import dev.ksefplatform.worker.engine.application.KsefBudget;
import dev.ksefplatform.worker.engine.application.TenantCredentials;

/** What a UPO fetch shares with the lanes: the KSeF port, the per-context budget and the lease cache. */
public record UpoKsef(Ksef ksef, KsefBudget budget, TenantCredentials leases) {
}
