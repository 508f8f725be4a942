package dev.ksefplatform.ksef.client;

/** A permission the authenticated person holds. */
public record PersonalGrant(String id, String permissionScope, ContextIdentifier context, String description) {
}
