package dev.ksefplatform.console.web;

import dev.ksefplatform.console.commandapi.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Lets a tenant page take the {@link Caller} it acts for; an operator acting for nobody is sent to choose. */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        return Viewers.of(exchange).map(viewer -> viewer.caller().orElseThrow(NoTenantChosen::new));
    }
}
