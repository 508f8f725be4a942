package dev.ksefplatform.audit.log.domain;

/** What an event's payload adds to its audit row, for the payloads the audit log reads; null for the rest. */
public sealed interface EventDetail permits KsefCall, IntegrationOwned {
}
