package dev.ksefplatform.worker.budget.domain;

import java.util.List;

/** The budget of one KSeF context ({@code environment}, {@code nip}) per limit group, as one worker instance keeps it. */
public record ContextBudget(String environment, String nip, List<GroupBudget> groups) {

    public ContextBudget {
        groups = List.copyOf(groups);
    }

    /** The key the lanes' budgets use ({@code environment/nip}). */
    public String key() {
        return environment + "/" + nip;
    }

    /** This context once no window holds a call any more (what a forgotten budget means). */
    public ContextBudget rested() {
        return new ContextBudget(environment, nip, groups.stream().map(GroupBudget::rested).toList());
    }
}
