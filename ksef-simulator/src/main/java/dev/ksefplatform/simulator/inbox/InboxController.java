package dev.ksefplatform.simulator.inbox;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Simulator-only: {@code POST /sim/v1/inbox/seed} fills a buyer's inbox (see {@link SeedRequest}). */
@RestController
public class InboxController {

    private final InboxSeeder seeder;

    InboxController(InboxSeeder seeder) {
        this.seeder = seeder;
    }

    /** Off the event loop: 100,000 invoices take seconds. */
    @PostMapping("/sim/v1/inbox/seed")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<InboxSeeder.Seeded> seed(@RequestBody SeedRequest request) {
        return Mono.fromCallable(() -> seeder.seed(request.validated())).subscribeOn(Schedulers.boundedElastic());
    }
}
