package dev.ksefplatform.simulator.tokens;

import dev.ksefplatform.simulator.auth.BearerTokens;
import dev.ksefplatform.simulator.auth.Caller;
import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.error.ResourceAccessDenied;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET} and {@code DELETE /v2/tokens/{referenceNumber}} for tokens of the caller's context. */
@RestController
public class TokenStatusController {

    private final KsefTokens tokens;
    private final BearerTokens bearer;

    public TokenStatusController(KsefTokens tokens, BearerTokens bearer) {
        this.tokens = tokens;
        this.bearer = bearer;
    }

    record Identifier(String type, String value) {
    }

    record TokenStatusResponse(String referenceNumber, Identifier authorIdentifier, Identifier contextIdentifier,
                               String description, List<String> requestedPermissions, Instant dateCreated,
                               Instant lastUseDate, String status) {
    }

    @GetMapping("/v2/tokens/{referenceNumber}")
    public TokenStatusResponse status(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                      @PathVariable String referenceNumber) {
        KsefToken token = inContext(bearer.caller(auth), referenceNumber);
        return view(tokens, token);
    }

    static TokenStatusResponse view(KsefTokens tokens, KsefToken token) {
        return new TokenStatusResponse(token.referenceNumber(), new Identifier(token.authorType(), token.authorValue()),
                new Identifier("Nip", token.contextNip()), token.description(), token.permissions(),
                token.dateCreated(), tokens.lastUse(token.referenceNumber()).orElse(null), token.status());
    }

    /**
     * CredentialsManage may revoke any token of the context; without it, a login made with a KSeF token only that
     * token, and any other login the tokens its subject authored (403 {@code insufficient-resource-access} otherwise).
     */
    @DeleteMapping("/v2/tokens/{referenceNumber}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                       @PathVariable String referenceNumber) {
        Caller caller = bearer.caller(auth);
        if (!mayRevoke(caller, inContext(caller, referenceNumber))) {
            throw new ResourceAccessDenied("Brak uprawnień do unieważnienia tokena " + referenceNumber + ".");
        }
        tokens.revoke(referenceNumber);
    }

    private static boolean mayRevoke(Caller caller, KsefToken token) {
        if (caller.permissions().contains("CredentialsManage")) {
            return true;
        }
        if (!caller.login().xades()) {
            return token.referenceNumber().equals(caller.tokenReference());
        }
        return token.authorType().equals(caller.login().subjectType())
                && token.authorValue().equals(caller.login().subjectValue());
    }

    private KsefToken inContext(Caller caller, String referenceNumber) {
        return tokens.byReference(referenceNumber)
                .filter(token -> token.contextNip().equals(caller.contextNip()))
                .orElseThrow(() -> KsefException.validation("Token o numerze referencyjnym " + referenceNumber
                        + " nie został znaleziony."));
    }
}
