package dev.ksefplatform.console.session;

import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/** What the console does with a session that expired (idle too long) before it is forgotten. */
public interface SessionExpiry {

    Mono<Void> expired(WebSession session);
}
