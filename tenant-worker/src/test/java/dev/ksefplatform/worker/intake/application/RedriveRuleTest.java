package dev.ksefplatform.worker.intake.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.InvoiceForm;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedriveRuleTest {

    private static final String DEAD_LETTER = "ksef.commands.v1-dlt-3@17";

    @Test
    void takesACommandDeadLetteredUnsent() {
        assertThat(decide(new PreviousRun("t1", "DONE", "DEAD_LETTERED", false, null)))
                .isInstanceOf(RedriveDecision.Take.class);
    }

    @Test
    void takesACommandDeadLetteredAgainAfterAnEarlierReDrive() {
        assertThat(decide(new PreviousRun("t1", "DONE", "DEAD_LETTERED", false, "ksef.commands.v1-dlt-3@9")))
                .isInstanceOf(RedriveDecision.Take.class);
    }

    @Test
    void skipsTheSameReDriveDeliveredAgainWhateverTheCommandDidSince() {
        assertThat(decide(new PreviousRun("t1", "DONE", "ACCEPTED", true, DEAD_LETTER)))
                .isInstanceOf(RedriveDecision.Skip.class);
    }

    @Test
    void refusesACommandThatEndedOtherwise() {
        assertThat(reason(new PreviousRun("t1", "DONE", "ACCEPTED", true, null))).contains("already ended ACCEPTED");
        assertThat(reason(new PreviousRun("t1", "DONE", "ABANDONED", false, null))).contains("already ended ABANDONED");
    }

    @Test
    void refusesACommandStillRunning() {
        assertThat(reason(new PreviousRun("t1", "SENT", null, true, null))).contains("is still SENT");
    }

    @Test
    void refusesACommandSentBeforeItWasDeadLettered() {
        assertThat(reason(new PreviousRun("t1", "DONE", "DEAD_LETTERED", true, null))).contains("was sent to KSeF");
    }

    @Test
    void refusesACommandTheWorkerNeverTookOrAnotherTenantHolds() {
        assertThat(reason(null)).contains("no record of command c-1");
        assertThat(reason(new PreviousRun("t2", "DONE", "DEAD_LETTERED", false, null))).contains("another tenant");
    }

    private static String reason(PreviousRun previous) {
        RedriveDecision decision = decide(previous);
        assertThat(decision).isInstanceOf(RedriveDecision.Refuse.class);
        String reason = ((RedriveDecision.Refuse) decision).reason();
        assertThat(reason).startsWith("re-drive refused: ");
        return reason;
    }

    private static RedriveDecision decide(PreviousRun previous) {
        NewCommand command = new NewCommand(new CommandRef("c-1", "t1", "c-1", null),
                new LaneKey("t1", "TEST", "5260250274", 3), NewCommand.SUBMIT_INVOICE, "it", Instant.EPOCH,
                InvoiceForm.FA3, "FV/1", "hash", false, new byte[] {1}, 17);
        return RedriveRule.decide(new Redrive(DEAD_LETTER, command, null, reason -> List.of()), previous);
    }
}
