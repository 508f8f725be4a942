package dev.ksefplatform.commandapi.inbox.application;

/** sync-service's answer to "sync now": a new command ({@code started}), or the one already running. */
public record SyncStart(String commandId, String subjectType, boolean started) {
}
