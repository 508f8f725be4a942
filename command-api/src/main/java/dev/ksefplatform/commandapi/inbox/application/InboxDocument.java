package dev.ksefplatform.commandapi.inbox.application;

/** A received invoice byte for byte and its {@code Repr-Digest} ({@code sha-256=:<Base64>:}, RFC 9530). */
public record InboxDocument(byte[] xml, String reprDigest) {
}
