package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.HoldReason;
import dev.ksefplatform.worker.engine.domain.InFlightInvoice;
import dev.ksefplatform.worker.engine.domain.KsefLimit;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import dev.ksefplatform.worker.engine.domain.LaneView;
import dev.ksefplatform.worker.engine.domain.SessionType;
import dev.ksefplatform.worker.engine.domain.Step;
import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant context's work in this instance: it loads what the database knows, then runs one step at a time as its
 * policy decides. A failure never fails the commands: the lane waits (budget, hold, backoff) and goes on.
 */
final class Lane {

    private static final Logger log = LoggerFactory.getLogger(Lane.class);
    private static final Duration HOLD_REPORT_AFTER = Duration.ofSeconds(5);

    final LaneKey key;
    final LaneDeps deps;
    final LaneState state = new LaneState();
    final LaneAudit audit;
    private final OnlineSteps online;
    private final VerdictSteps verdicts;
    private final BatchSteps batches;
    private final RecoverySteps recovery;
    private boolean loaded;
    private KsefLimit lastLimit;
    private int unauthorizedInARow;

    Lane(LaneKey key, LaneDeps deps) {
        this.key = key;
        this.deps = deps;
        this.audit = new LaneAudit(this);
        this.online = new OnlineSteps(this);
        this.verdicts = new VerdictSteps(this);
        this.batches = new BatchSteps(this);
        this.recovery = new RecoverySteps(this);
    }

    /** Runs one step; returns when the lane wants to run again ({@link Instant#MAX}: only when new work arrives). */
    Instant runOnce() {
        return CallScope.within(new CallScope.Current(key, laneRef(), () -> state.lease), this::step);
    }

    private Instant step() {
        Instant now = deps.clock().instant();
        try {
            if (!loaded) {
                load(now);
                loaded = true;
            }
            Step step = deps.policy().next(state.view(), deps.budget().view(key), now);
            log.debug("lane step lane={} step={} queued={} awaiting={}", key, step, state.queued, state.awaiting.size());
            if (step instanceof Step.Sleep sleep) {
                return slept(sleep, now);
            }
            execute(step);
            succeeded();
            return now;
        } catch (TenantCredentials.LeaseDenied e) {
            return leaseDenied(e, now);
        } catch (KsefFailure e) {
            return failed(e, now);
        }
    }

    /**
     * A step failed in a way the lane does not handle (most likely a database write): the next step first loads the
     * lane again, so an invoice KSeF took whose SENT row was never written is looked up, not forgotten in SENDING.
     */
    void reloadBeforeNextStep() {
        loaded = false;
    }

    void commandsArrived(long count) {
        if (count > 0) {
            Instant now = deps.clock().instant();
            if (state.queued == 0 || state.lastArrival == null) {
                state.arrivalsSince = now;
            }
            state.lastArrival = now;
        }
        state.queued += count;
    }

    boolean isIdle() {
        return loaded && state.isIdle();
    }

    /** Called before each KSeF call: takes the permits, or says the step must wait. */
    boolean acquire(KsefLimit limit, int permits) {
        lastLimit = limit;
        return deps.budget().tryAcquire(key, limit, permits);
    }

    Lease lease(String purpose) {
        Lease lease = deps.credentials().lease(key, purpose);
        state.lease = lease;
        if (deps.budget().needsSeed(key)) {
            deps.ksef().seedBudget(key, lease.accessToken());
        }
        return lease;
    }

    void crashPoint(String point) {
        deps.crashPoints().reached(point);
    }

    private void execute(Step step) {
        if (step instanceof Step.Recover) {
            recovery.run();
        } else if (step instanceof Step.OpenOnline) {
            online.open();
        } else if (step instanceof Step.SendOnline send) {
            online.send(send.invoices());
        } else if (step instanceof Step.CloseOnline close) {
            online.close(close.referenceNumber(), false);
        } else if (step instanceof Step.CloseOrphan close) {
            online.close(close.referenceNumber(), true);
        } else if (step instanceof Step.PollVerdicts poll) {
            verdicts.poll(poll.invoices(), poll.listed());
        } else if (step instanceof Step.StartBatch start) {
            batches.start(start.invoices());
        } else if (step instanceof Step.CloseBatch) {
            batches.closePrepared(false);
        } else if (step instanceof Step.CheckBatch check) {
            batches.check(check.referenceNumber());
        }
    }

    private void load(Instant now) {
        LaneStore.StoredLane stored = deps.store().load(key);
        state.forgetInFlight();
        state.queued = stored.queued();
        Map<String, Map<String, InFlightInvoice>> byBatch = new LinkedHashMap<>();
        for (InFlightInvoice invoice : stored.inFlight()) {
            if (invoice.sessionType() == SessionType.BATCH) {
                byBatch.computeIfAbsent(invoice.sessionRef(), ref -> new LinkedHashMap<>()).put(invoice.invoiceHash(), invoice);
            } else if (invoice.confirmed()) {
                state.awaiting.put(invoice.ref().commandId(), new LaneState.Awaiting(invoice, now, 0));
            } else {
                state.unconfirmed.put(invoice.ref().commandId(), invoice);
            }
        }
        String live = state.session == null ? null : state.session.referenceNumber();
        if (live != null && stored.sessions().stream().noneMatch(s -> s.referenceNumber().equals(live))) {
            online.forgetSession();
        }
        for (LaneStore.StoredSession session : stored.sessions()) {
            if (session.referenceNumber().equals(live)) {
                continue; // opened by this incarnation, whose session key is still in memory: used on
            }
            if (session.type() == SessionType.ONLINE) {
                state.orphans.add(session.referenceNumber());
            } else {
                Map<String, InFlightInvoice> rows = byBatch.getOrDefault(session.referenceNumber(), new LinkedHashMap<>());
                state.batches.put(session.referenceNumber(), new LaneState.BatchRun(session.referenceNumber(),
                        "PROCESSING".equals(session.state()), now, 0, rows));
            }
        }
        log.info("lane loaded lane={} queued={} awaiting={} unconfirmed={} batches={} orphanedSessions={}", key,
                state.queued, state.awaiting.size(), state.unconfirmed.size(), state.batches.size(), state.orphans.size());
    }

    private Instant slept(Step.Sleep sleep, Instant now) {
        if (sleep.blockedBy() != null && state.queued > 0 && state.reported == null
                && sleep.until().isAfter(now.plus(HOLD_REPORT_AFTER))) {
            report(HoldReason.RATE_LIMIT, "waiting for KSeF's " + sleep.blockedBy() + " limit", sleep.blockedBy(),
                    sleep.until());
        }
        return sleep.until();
    }

    private void succeeded() {
        state.failures = 0;
        unauthorizedInARow = 0;
        state.hold = null;
        if (state.reported != null) {
            audit.record(List.of(audit.laneEvent(WorkerEvent.Audit.SUBMISSIONS_HELD, null, null,
                    new WorkerEvent.SubmissionsResumed(key.contextNip(), key.environment(), state.queued))));
            state.reported = null;
        }
    }

    private Instant leaseDenied(TenantCredentials.LeaseDenied e, Instant now) {
        if (e.violation()) {
            new DeadLettering(this).deadLetterQueued(e.getMessage()); // "tenant-violation: <the vault's detail>"
            return now;
        }
        return hold(HoldReason.INTEGRATION_NOT_ACTIVE, e.getMessage(), now);
    }

    private Instant failed(KsefFailure e, Instant now) {
        log.warn("lane step failed lane={} failure={} status={} lastLimit={} message={}", key,
                e.getClass().getSimpleName(), e.httpStatus(), lastLimit, e.getMessage());
        if (e instanceof KsefFailure.Throttled throttled) {
            deps.budget().throttled(key, lastLimit, throttled.retryAfter());
            audit.record(List.of(audit.laneEvent(LaneAudit.operationOf(lastLimit), 429, e.getMessage(),
                    new WorkerEvent.RateLimited((int) throttled.retryAfter().toSeconds()))));
            return now;
        }
        if (e instanceof KsefFailure.Unauthorized || e instanceof KsefFailure.Forbidden) {
            Optional<String> integration = deps.credentials().integrationOf(key);
            deps.credentials().invalidate(key);
            boolean twice = e instanceof KsefFailure.Forbidden || ++unauthorizedInARow > 1;
            if (!twice) {
                return now;
            }
            // the refused integration is checked at once: if its permission is gone it stops lending, and the lane
            // waits on its leases until the tenant fixes it and a check passes again
            integration.ifPresent(id -> deps.rechecks().request(key, id));
            return hold(HoldReason.PERMISSION_CHECK, permission(e), now);
        }
        if (e instanceof KsefFailure.SessionGone) {
            online.sessionGone();
            return now;
        }
        audit.record(List.of(audit.laneEvent(LaneAudit.operationOf(lastLimit), e.httpStatus(), e.getMessage(),
                new WorkerEvent.CallFailed(e.httpStatus(), e.getMessage(), true, state.failures + 1))));
        return state.failures + 1 >= 3 ? hold(HoldReason.KSEF_UNAVAILABLE, e.getMessage(), now)
                : now.plus(deps.retries().after(++state.failures));
    }

    private Instant hold(HoldReason reason, String detail, Instant now) {
        Instant until = now.plus(deps.retries().after(++state.failures));
        state.hold = new LaneView.Hold(reason, until);
        if (state.reported != reason) {
            report(reason, detail, null, until);
        }
        return until;
    }

    private void report(HoldReason reason, String detail, KsefLimit limit, Instant until) {
        state.reported = reason;
        audit.record(List.of(audit.laneEvent(WorkerEvent.Audit.SUBMISSIONS_HELD, null, null,
                new WorkerEvent.SubmissionsHeld(key.contextNip(), key.environment(), reason, detail,
                        limit == null ? null : limit.name(), until, state.queued))));
    }

    private static String permission(KsefFailure e) {
        return "KSeF refused the context's credential (" + e.getMessage() + "): its permissions are being checked";
    }

    /** Ids of the commands in a list, for logs and stores. */
    static List<String> ids(List<InFlightInvoice> invoices) {
        List<String> ids = new ArrayList<>();
        invoices.forEach(i -> ids.add(i.ref().commandId()));
        return ids;
    }

    CommandRef laneRef() {
        return CommandRef.ofLane(key);
    }
}
