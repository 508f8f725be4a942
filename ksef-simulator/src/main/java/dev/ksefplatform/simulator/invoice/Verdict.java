package dev.ksefplatform.simulator.invoice;

import dev.ksefplatform.ksef.xml.InvoiceFacts;
import dev.ksefplatform.simulator.shared.StatusInfo;

/** The outcome of verifying one invoice document, before the duplicate check. */
public sealed interface Verdict permits Verdict.Valid, Verdict.Rejected {

    record Valid(InvoiceFacts facts) implements Verdict { }

    record Rejected(StatusInfo status, InvoiceFacts facts) implements Verdict { }
}
