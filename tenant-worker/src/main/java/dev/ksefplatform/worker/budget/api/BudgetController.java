package dev.ksefplatform.worker.budget.api;

import dev.ksefplatform.support.web.Problems;
import dev.ksefplatform.worker.budget.application.BudgetSnapshots;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The KSeF budget left of one context, from the snapshot the instance running it wrote (CONTRACTS §4): any instance
 * answers, so the caller needs no knowledge of which one owns the context's partition. Callers: command-api only.
 */
@RestController
public class BudgetController {

    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Z]{1,16}");
    private static final Pattern NIP = Pattern.compile("\\d{10}");

    private final BudgetSnapshots snapshots;

    public BudgetController(BudgetSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @GetMapping("/internal/v1/contexts/{environment}/{nip}/budget")
    public Mono<ResponseEntity<Object>> budget(@PathVariable String environment, @PathVariable String nip) {
        if (!ENVIRONMENT.matcher(environment).matches() || !NIP.matcher(nip).matches()) {
            throw new IllegalArgumentException("environment must be e.g. TEST and nip 10 digits");
        }
        return Mono.fromCallable(() -> snapshots.find(environment, nip)).subscribeOn(Schedulers.boundedElastic())
                .map(found -> found.<ResponseEntity<Object>>map(s -> ResponseEntity.ok(BudgetView.of(s)))
                        .orElseGet(BudgetController::notSeen));
    }

    private static ResponseEntity<Object> notSeen() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.NOT_FOUND, "budget-not-seen", "No worker has called KSeF for this context "
                        + "yet (or not since its snapshot was written): its budget is KSeF's full limit."));
    }
}
