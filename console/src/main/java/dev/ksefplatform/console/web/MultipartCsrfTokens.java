package dev.ksefplatform.console.web;

import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The default (masked) CSRF token handler, which also finds {@code _csrf} in a multipart form (the invoice upload).
 * Spring Security's own multipart option fails with a NullPointerException (500) when the field is missing; here a
 * missing field is no token (403), and a form over the multipart reader's limits is 413.
 */
final class MultipartCsrfTokens implements ServerCsrfTokenRequestHandler {

    private final XorServerCsrfTokenRequestAttributeHandler masked = new XorServerCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
        masked.handle(exchange, csrfToken);
    }

    private static final String FIELD = "_csrf";

    @Override
    public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
            return masked.resolveCsrfTokenValue(exchange, csrfToken);
        }
        return exchange.getMultipartData()
                .onErrorMap(e -> e instanceof DataBufferLimitException || e instanceof DecodingException,
                        e -> new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "the upload is too large", e))
                .mapNotNull(parts -> parts.getFirst(FIELD))
                .filter(FormFieldPart.class::isInstance)
                .map(field -> ((FormFieldPart) field).value())
                .flatMap(value -> masked.resolveCsrfTokenValue(withHeader(exchange, value, csrfToken), csrfToken));
    }

    /** The masked value handed to the default handler where it reads it for a non-form request. */
    private static ServerWebExchange withHeader(ServerWebExchange exchange, String value, CsrfToken token) {
        return exchange.mutate().request(request -> request.headers(h -> h.set(token.getHeaderName(), value))).build();
    }
}
