package dev.ksefplatform.commandapi.platform.application;

import dev.ksefplatform.commandapi.platform.domain.GroupLag;
import java.util.List;
import reactor.core.publisher.Mono;

/** The platform's consumer groups and their lag, as Kafka reports them now. */
public interface ConsumerLag {

    /** Every group configured, in that order; an error when Kafka does not answer in time. */
    Mono<List<GroupLag>> groups();
}
