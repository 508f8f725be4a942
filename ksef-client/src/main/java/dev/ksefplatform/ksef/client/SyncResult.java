package dev.ksefplatform.ksef.client;

/** The outcome of one incremental sync run: where to start next time, how many windows and new invoices it took. */
public record SyncResult(SyncCheckpoint next, int windows, int delivered, int duplicatesSkipped) {
}
