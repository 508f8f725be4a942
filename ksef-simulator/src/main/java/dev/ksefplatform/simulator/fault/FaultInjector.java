package dev.ksefplatform.simulator.fault;

import java.util.Random;

/** The faults in force, with a seeded random source so a run can be repeated. */
public final class FaultInjector {

    /** What to do with one /v2 call. */
    public enum Outcome { PASS, ERROR, HTML, THROTTLE }

    private Faults faults = Faults.NONE;
    private Random random = new Random();

    public synchronized void set(Faults next) {
        faults = next;
        random = next.seed() == null ? new Random() : new Random(next.seed());
    }

    public synchronized Faults current() {
        return faults;
    }

    public synchronized boolean stuckAt150() {
        return faults.stuckAt150();
    }

    public synchronized Outcome nextOutcome() {
        if (faults.errorRate() > 0 && random.nextDouble() < faults.errorRate()) {
            return Outcome.ERROR;
        }
        if (faults.htmlRate() > 0 && random.nextDouble() < faults.htmlRate()) {
            return Outcome.HTML;
        }
        if (faults.throttleRate() > 0 && random.nextDouble() < faults.throttleRate()) {
            return Outcome.THROTTLE;
        }
        return Outcome.PASS;
    }
}
