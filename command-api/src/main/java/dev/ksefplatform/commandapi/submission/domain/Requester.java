package dev.ksefplatform.commandapi.submission.domain;

/** A person who asked through the console: {@code TENANT} (the tenant's user) or {@code STAFF} (an operator). */
public record Requester(String type, String id, String onBehalfOf) {
}
