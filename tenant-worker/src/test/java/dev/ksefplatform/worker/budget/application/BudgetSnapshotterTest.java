package dev.ksefplatform.worker.budget.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.worker.budget.domain.BudgetSnapshot;
import dev.ksefplatform.worker.budget.domain.ContextBudget;
import dev.ksefplatform.worker.budget.domain.GroupBudget;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetSnapshotterTest {

    private final List<ContextBudget> current = new ArrayList<>();
    private final List<String> saves = new ArrayList<>();
    private final BudgetSnapshotter snapshotter = new BudgetSnapshotter(() -> List.copyOf(current), new Recorder(),
            "worker-1", Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void writesOnlyTheContextsThatChangedSinceTheLastWrite() {
        current.addAll(List.of(budget("1111111111", 170), budget("2222222222", 180)));
        snapshotter.tick();
        current.set(0, budget("1111111111", 160));

        snapshotter.tick();
        snapshotter.tick();

        assertThat(saves).containsExactly("live 1111111111:170 2222222222:180 rested", "live 1111111111:160 rested");
    }

    @Test
    void aForgottenContextIsWrittenOnceAsRested() {
        current.add(budget("1111111111", 100));
        snapshotter.tick();
        current.clear();

        snapshotter.tick();
        snapshotter.tick();

        assertThat(saves).containsExactly("live 1111111111:100 rested", "live rested 1111111111:180");
    }

    private static ContextBudget budget(String nip, int leftHour) {
        return new ContextBudget("TEST", nip, List.of(new GroupBudget("invoiceSend", 10, 30, 180, 10, 30, leftHour,
                null, null)));
    }

    private final class Recorder implements BudgetSnapshots {
        @Override
        public void save(List<ContextBudget> live, List<ContextBudget> rested, String instanceId, Instant takenAt) {
            saves.add(("live " + text(live) + " rested " + text(rested)).replaceAll(" +", " ").strip());
        }

        @Override
        public Optional<BudgetSnapshot> find(String environment, String nip) {
            return Optional.empty();
        }

        private static String text(List<ContextBudget> budgets) {
            return String.join(" ", budgets.stream().sorted(java.util.Comparator.comparing(ContextBudget::nip))
                    .map(b -> b.nip() + ":" + b.groups().get(0).leftHour()).toList());
        }
    }
}
