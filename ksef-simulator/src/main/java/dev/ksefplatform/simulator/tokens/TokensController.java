package dev.ksefplatform.simulator.tokens;

import dev.ksefplatform.simulator.auth.BearerTokens;
import dev.ksefplatform.simulator.auth.Caller;
import dev.ksefplatform.simulator.auth.Login;
import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.tokens.TokenStatusController.TokenStatusResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v2/tokens} (generate, with a subset of the caller's permissions) and {@code GET /v2/tokens} (list). */
@RestController
public class TokensController {

    private static final Set<String> PERMISSIONS = Set.of("InvoiceRead", "InvoiceWrite", "CredentialsRead",
            "CredentialsManage", "SubunitManage", "EnforcementOperations", "Introspection");

    private final KsefTokens tokens;
    private final BearerTokens bearer;

    public TokensController(KsefTokens tokens, BearerTokens bearer) {
        this.tokens = tokens;
        this.bearer = bearer;
    }

    record GenerateTokenRequest(List<String> permissions, String description) {
    }

    record GenerateTokenResponse(String referenceNumber, String token) {
    }

    record QueryTokensResponse(String continuationToken, List<TokenStatusResponse> tokens) {
    }

    @PostMapping("/v2/tokens")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public GenerateTokenResponse generate(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                          @RequestBody GenerateTokenRequest request) {
        Caller caller = bearer.caller(auth);
        require(request.permissions() != null && !request.permissions().isEmpty()
                && PERMISSIONS.containsAll(request.permissions()), "permissions: nieprawidłowa lista uprawnień.");
        require(request.description() != null && request.description().length() >= 5
                && request.description().length() <= 256, "description: wymagane 5-256 znaków.");
        List<String> missing = request.permissions().stream().filter(p -> !caller.permissions().contains(p)).toList();
        if (!missing.isEmpty()) {
            throw new KsefException(26001, "Nie można nadać tokenowi uprawnień których nie posiadasz.",
                    "Brakujące uprawnienia: " + String.join(", ", missing) + ".");
        }
        Login login = caller.login();
        KsefToken token = tokens.generate(caller.contextNip(), request.permissions().stream().distinct().toList(),
                request.description(), login.subjectType(), login.subjectValue());
        return new GenerateTokenResponse(token.referenceNumber(), token.secret());
    }

    @GetMapping("/v2/tokens")
    public QueryTokensResponse list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                    @RequestHeader(name = "x-continuation-token", required = false) String continuation,
                                    @RequestParam(required = false) List<String> status,
                                    @RequestParam(required = false) String description,
                                    @RequestParam(required = false) String authorIdentifier,
                                    @RequestParam(required = false) String authorIdentifierType,
                                    @RequestParam(defaultValue = "10") int pageSize) {
        Caller caller = bearer.caller(auth);
        require(pageSize >= 10 && pageSize <= 100, "pageSize: wymagana wartość z zakresu 10-100.");
        require(description == null || description.length() >= 3, "description: wymagane co najmniej 3 znaki.");
        require(authorIdentifier == null || authorIdentifier.length() >= 3,
                "authorIdentifier: wymagane co najmniej 3 znaki.");
        List<KsefToken> matching = tokens.inContext(caller.contextNip()).stream()
                .filter(visibleTo(caller))
                .filter(t -> status == null || status.isEmpty() || status.contains(t.status()))
                .filter(t -> contains(t.description(), description))
                .filter(t -> contains(t.authorValue(), authorIdentifier))
                .filter(t -> authorIdentifierType == null || authorIdentifierType.equals(t.authorType()))
                .toList();
        int from = Math.min(offset(continuation), matching.size());
        int to = Math.min(matching.size(), from + pageSize);
        String next = to < matching.size()
                ? Base64.getEncoder().encodeToString(Integer.toString(to).getBytes(StandardCharsets.US_ASCII)) : null;
        return new QueryTokensResponse(next, matching.subList(from, to).stream()
                .map(t -> TokenStatusController.view(tokens, t)).toList());
    }

    /** Credential holders see every token of the context; a token login its own token; others what they authored. */
    private static Predicate<KsefToken> visibleTo(Caller caller) {
        if (caller.permissions().contains("CredentialsManage") || caller.permissions().contains("CredentialsRead")) {
            return token -> true;
        }
        if (!caller.login().xades()) {
            return token -> token.referenceNumber().equals(caller.tokenReference());
        }
        return token -> token.authorType().equals(caller.login().subjectType())
                && token.authorValue().equals(caller.login().subjectValue());
    }

    private static boolean contains(String value, String fragment) {
        return fragment == null || value.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT));
    }

    private static int offset(String continuation) {
        if (continuation == null || continuation.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(new String(Base64.getDecoder().decode(continuation), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw KsefException.validation("x-continuation-token: nieprawidłowy token kontynuacji.");
        }
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw KsefException.validation(detail);
        }
    }
}
