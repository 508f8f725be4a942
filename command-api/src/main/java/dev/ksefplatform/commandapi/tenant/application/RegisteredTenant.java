package dev.ksefplatform.commandapi.tenant.application;

import dev.ksefplatform.commandapi.tenant.domain.ApiKey;
import dev.ksefplatform.commandapi.tenant.domain.Tenant;

/** A new tenant with the only copy of its API key that will ever exist in clear. */
public record RegisteredTenant(Tenant tenant, ApiKey apiKey) {
}
