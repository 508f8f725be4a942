package dev.ksefplatform.audit.log.domain;

/** Who an action was done for: TENANT, UPSTREAM, STAFF (with the tenant it acted for) or SYSTEM. */
public record Actor(String type, String id, String onBehalfOf) {
}
