package dev.ksefplatform.worker.engine.domain;

import java.time.Duration;

/**
 * How a lane uses KSeF.
 *
 * @param sendChunk          online invoices sent in one step at most (budget permitting)
 * @param pollChunk          verdicts asked for in one step at most
 * @param sessionIdle        an online session with nothing to send is closed after this
 * @param sessionMaxInvoices an online session is closed when it holds this many (KSeF: 10,000)
 * @param sessionExpiryMargin an online session is closed this long before KSeF's 12 h validity ends
 * @param batchMinInvoices   a backlog smaller than this goes online, unless the minute's send budget cannot take it now
 *                           and batch sessions are to spare ({@link LanePolicy})
 * @param batchMaxInvoices   invoices in one batch session at most (KSeF: 10,000)
 * @param batchHorizon       a backlog the online budget cannot send within this goes as a batch
 * @param batchAlwaysAbove   a backlog this deep goes as a batch even when the online budget could carry it: one
 *                           upload and one UPO instead of as many sends and verdict polls as invoices
 * @param verdictListFrom    at least this many verdicts due in one session may be read from the session's invoice list
 *                           instead of one status call each ({@link VerdictChoice} decides whether it is cheaper)
 * @param batchGather        once batch sessions run low, a batch waits while commands still arrive, until none has
 *                           for this long: a burst read from Kafka in many polls becomes one batch session, not one
 *                           per poll (KSeF allows 10 batch sessions a minute and 30 an hour)
 * @param batchGatherMax     ... but no longer than this after the queue began to grow
 */
public record LaneSettings(int sendChunk, int pollChunk, Duration sessionIdle, int sessionMaxInvoices,
                           Duration sessionExpiryMargin, int batchMinInvoices, int batchMaxInvoices,
                           Duration batchHorizon, int batchAlwaysAbove, int verdictListFrom, Duration batchGather,
                           Duration batchGatherMax) {

    public static LaneSettings defaults() {
        return new LaneSettings(10, 20, Duration.ofMinutes(2), 10_000, Duration.ofMinutes(30), 50, 10_000,
                Duration.ofMinutes(2), 1_000, 3, Duration.ofMillis(500), Duration.ofSeconds(5));
    }
}
