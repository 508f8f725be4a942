package dev.ksefplatform.commandapi.deadletter.api;

import dev.ksefplatform.commandapi.deadletter.application.DeadLetterRedrives;
import dev.ksefplatform.commandapi.deadletter.application.DeadLetterTopic;
import dev.ksefplatform.commandapi.deadletter.application.InvalidRedriveRequest;
import dev.ksefplatform.commandapi.deadletter.application.RedriveLog;
import dev.ksefplatform.commandapi.deadletter.domain.DeadLetterAddress;
import dev.ksefplatform.commandapi.deadletter.domain.Redrive;
import dev.ksefplatform.commandapi.security.BearerCallers;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Operators' dead letters of {@code ksef.commands.v1}: the newest, and a re-drive of one (admin or console token). */
@RestController
class AdminDeadLetterController {

    private static final Set<String> CALLERS = Set.of("admin", "console");
    private static final int MAX_LIMIT = 100;

    private final BearerCallers callers;
    private final DeadLetterTopic topic;
    private final RedriveLog redrives;
    private final DeadLetterRedrives redrive;

    AdminDeadLetterController(BearerCallers callers, DeadLetterTopic topic, RedriveLog redrives,
                              DeadLetterRedrives redrive) {
        this.callers = callers;
        this.topic = topic;
        this.redrives = redrives;
        this.redrive = redrive;
    }

    @GetMapping("/admin/v1/dead-letters")
    @Operation(summary = "The newest dead letters of ksef.commands.v1-dlt (limit 1..100, default 20), each with whether "
            + "it can be re-driven (else why not) and its re-drive if any; 503 kafka-unavailable")
    Mono<Map<String, List<DeadLetterView>>> latest(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(name = "limit", defaultValue = "20") int limit) {
        callers.requireAny(authorization, CALLERS);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRedriveRequest("limit is 1.." + MAX_LIMIT);
        }
        return topic.latest(limit).flatMap(found -> redrives.of(found.stream().map(d -> d.address().toString()).toList())
                .collectMap(Redrive::deadLetter, Function.identity())
                .map(done -> Map.of("items", found.stream()
                        .map(d -> DeadLetterView.of(d, done.get(d.address().toString()))).toList())));
    }

    @PostMapping("/admin/v1/dead-letters/{deadLetter}/redrive")
    @Operation(summary = "Re-publishes a dead letter's command to ksef.commands.v1 (same messageId, header "
            + "ksef-redrive-of) and CommandRedriven; once per dead letter (a repeat answers the first outcome). 404 "
            + "dead-letter-not-found, 409 dead-letter-not-redrivable, 503 kafka-unavailable")
    Mono<RedriveView> redrive(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                              @PathVariable String deadLetter, @RequestBody RedriveBody body) {
        callers.requireAny(authorization, CALLERS);
        DeadLetterAddress address = DeadLetterAddress.parse(deadLetter);
        RedriveBody checked = body.checked();
        return redrive.redrive(address, checked.operator(), checked.note())
                .map(recorded -> RedriveView.of(recorded.redrive(), !recorded.fresh()));
    }
}
