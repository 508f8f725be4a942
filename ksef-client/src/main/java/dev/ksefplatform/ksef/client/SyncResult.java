package dev.ksefplatform.ksef.client;

/**
 * The outcome of one incremental sync run: where to start next time, how many windows and new invoices it took, and
 * whether KSeF holds more right now (the run stopped at {@code maxWindows} after a truncated window).
 */
public record SyncResult(SyncCheckpoint next, int windows, int delivered, int duplicatesSkipped, boolean more) {

    public SyncResult(SyncCheckpoint next, int windows, int delivered, int duplicatesSkipped) {
        this(next, windows, delivered, duplicatesSkipped, false);
    }
}
