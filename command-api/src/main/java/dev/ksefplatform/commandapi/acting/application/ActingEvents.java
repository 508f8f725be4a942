package dev.ksefplatform.commandapi.acting.application;

import dev.ksefplatform.commandapi.acting.domain.StaffActing;
import reactor.core.publisher.Mono;

/** Where an act-for start or end is recorded (the event log); completes once it is durably written. */
public interface ActingEvents {

    Mono<Void> publish(StaffActing acting);
}
