package dev.ksefplatform.commandapi.platform.api;

import dev.ksefplatform.commandapi.platform.application.ConsumerLag;
import dev.ksefplatform.commandapi.platform.application.KafkaUnavailable;
import dev.ksefplatform.commandapi.platform.application.WorkerBacklogs;
import dev.ksefplatform.commandapi.platform.domain.GroupLag;
import dev.ksefplatform.commandapi.platform.domain.TopicLag;
import dev.ksefplatform.commandapi.security.BearerCallers;
import dev.ksefplatform.commandapi.web.InvalidQueryParameter;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The platform's own health for operators (the admin, and the console's operator screens): consumer lag. */
@RestController
class AdminPlatformController {

    private static final Set<String> CALLERS = Set.of("admin", "console");

    private final BearerCallers callers;
    private final ConsumerLag lag;
    private final WorkerBacklogs backlogs;

    AdminPlatformController(BearerCallers callers, ConsumerLag lag, WorkerBacklogs backlogs) {
        this.callers = callers;
        this.lag = lag;
        this.backlogs = backlogs;
    }

    @GetMapping("/admin/v1/platform/backlog")
    @Operation(summary = "The tenants' KSeF contexts with the most open commands (queued, in KSeF, the oldest queued), "
            + "from tenant-worker; limit 1-100, default 20; admin or console bearer token. 503 read-model-unavailable "
            + "when tenant-worker does not answer in time")
    Mono<Map<String, List<Map<String, Object>>>> backlog(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(defaultValue = "20") String limit) {
        callers.requireAny(authorization, CALLERS);
        if (!limit.matches("\\d{1,3}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > 100) {
            throw new InvalidQueryParameter("limit", "must be 1 to 100");
        }
        return backlogs.largest(Integer.parseInt(limit)).map(items -> Map.of("items", items));
    }

    @GetMapping("/admin/v1/platform/consumers")
    @Operation(summary = "Every consumer group of the platform with its state, members and lag per topic; admin or "
            + "console bearer token. 503 kafka-unavailable when Kafka does not answer in time")
    Mono<Map<String, List<GroupBody>>> consumers(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                                 String authorization) {
        callers.requireAny(authorization, CALLERS);
        return lag.groups().onErrorMap(e -> !(e instanceof KafkaUnavailable), KafkaUnavailable::new)
                .map(groups -> Map.of("items", groups.stream().map(GroupBody::of).toList()));
    }

    record GroupBody(String group, String state, int members, long lag, List<TopicLag> topics) {

        static GroupBody of(GroupLag group) {
            return new GroupBody(group.group(), group.state(), group.members(), group.lag(), group.topics());
        }
    }
}
