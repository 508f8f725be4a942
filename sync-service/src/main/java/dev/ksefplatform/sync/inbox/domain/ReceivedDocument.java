package dev.ksefplatform.sync.inbox.domain;

/** What receiving one document adds: the raw document and its inbox row. */
public record ReceivedDocument(RawDocument raw, InboxEntry entry) {
}
