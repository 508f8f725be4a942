package dev.ksefplatform.credentials.session.application;

/** One KSeF context reached through one integration: the unit of login sharing and caching. */
public record KsefContext(String integrationId, String environment, String contextNip) {
}
