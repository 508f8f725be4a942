package dev.ksefplatform.commandapi.security;

import java.util.Optional;
import reactor.core.publisher.Mono;

/** The person the console named for this request, if any (see {@link ActForHeaders}). */
public final class ActingPersons {

    record Claim(ActingPerson person, RuntimeException refusal) {
    }

    private ActingPersons() {
    }

    /** Empty when no act-for header was sent; an error when one was sent by a caller that may not. */
    public static Mono<Optional<ActingPerson>> current() {
        return Mono.deferContextual(context -> context.<Claim>getOrEmpty(Claim.class)
                .map(claim -> claim.refusal() != null ? Mono.<Optional<ActingPerson>>error(claim.refusal())
                        : Mono.just(Optional.of(claim.person())))
                .orElseGet(() -> Mono.just(Optional.empty())));
    }
}
