package dev.ksefplatform.commandapi.submission.domain;

import java.util.List;

/** Not well formed, or not valid against the FA(3) schema. */
public final class InvoiceInvalid extends InvoiceRefused {

    private final transient List<Violation> violations;

    public InvoiceInvalid(List<Violation> violations) {
        super("the invoice is not a valid FA(3) document (" + violations.size() + " violations)");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
