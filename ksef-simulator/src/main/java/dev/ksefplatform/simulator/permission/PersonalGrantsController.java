package dev.ksefplatform.simulator.permission;

import dev.ksefplatform.simulator.auth.BearerTokens;
import dev.ksefplatform.simulator.auth.Caller;
import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.tokens.KsefToken;
import dev.ksefplatform.simulator.tokens.KsefTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v2/permissions/query/personal/grants}: the caller's own permissions as they stand now ("własne
 * uprawnienia uwierzytelnionego klienta API"). In the login's context that is what the access token may do now: for a
 * KSeF-token login the token's permissions its author still holds (a grant the author lost is gone here, while
 * {@code GET /tokens/{ref}} still lists it among the token's {@code requestedPermissions}); for an XAdES login the
 * subject's. Elsewhere, what {@code /testdata/permissions} granted to the subject, less what was revoked since.
 */
@RestController
public class PersonalGrantsController {

    private final TestDataRegistry registry;
    private final KsefTokens tokens;
    private final BearerTokens bearer;
    private final ContextPermissions current;

    PersonalGrantsController(TestDataRegistry registry, KsefTokens tokens, BearerTokens bearer,
                             ContextPermissions current) {
        this.registry = registry;
        this.tokens = tokens;
        this.bearer = bearer;
        this.current = current;
    }

    record Identifier(String type, String value) {
    }

    record Query(Identifier contextIdentifier, Identifier targetIdentifier, List<String> permissionTypes,
                 String permissionState) {
    }

    record PersonalPermission(String id, Identifier contextIdentifier, Identifier authorizedIdentifier,
                              String permissionScope, String description, String permissionState, Instant startDate,
                              boolean canDelegate) {
    }

    record Response(List<PersonalPermission> permissions, boolean hasMore) {
    }

    @PostMapping("/v2/permissions/query/personal/grants")
    public Response query(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                          @RequestParam(defaultValue = "0") int pageOffset,
                          @RequestParam(defaultValue = "10") int pageSize, @RequestBody(required = false) Query query) {
        Caller caller = bearer.caller(auth);
        if (pageOffset < 0 || pageSize < 10 || pageSize > 100) {
            throw KsefException.validation("pageOffset >= 0, pageSize: 10-100.");
        }
        List<PersonalPermission> all = grants(caller).stream()
                .filter(g -> matches(g, query == null ? new Query(null, null, null, null) : query))
                .sorted(Comparator.comparing(PersonalPermission::startDate).reversed()
                        .thenComparing(PersonalPermission::id))
                .toList();
        int from = Math.min(all.size(), pageOffset * pageSize);
        int to = Math.min(all.size(), from + pageSize);
        return new Response(all.subList(from, to), to < all.size());
    }

    private List<PersonalPermission> grants(Caller caller) {
        Identifier self = new Identifier(caller.login().subjectType(), caller.login().subjectValue());
        Instant issued = tokens.byReference(caller.tokenReference()).map(KsefToken::dateCreated).orElse(Instant.EPOCH);
        List<PersonalPermission> result = new ArrayList<>();
        String source = caller.login().xades() ? "Uprawnienie w kontekście" : "Uprawnienie tokena KSeF";
        caller.permissions().forEach(p -> result.add(view(new Grant(caller.contextNip(), self.type(), self.value(),
                p, source, issued))));
        registry.heldBy(self.type(), self.value()).stream()
                .filter(g -> !g.contextNip().equals(caller.contextNip()))
                .filter(g -> current.of(g.contextNip(), self.type(), self.value()).contains(g.permission()))
                .forEach(g -> result.add(view(g)));
        return result;
    }

    private static PersonalPermission view(Grant grant) {
        return new PersonalPermission(grant.id(), new Identifier("Nip", grant.contextNip()),
                new Identifier(grant.authorizedType(), grant.authorizedValue()), grant.permission(),
                grant.description(), "Active", grant.startDate(), false);
    }

    private static boolean matches(PersonalPermission permission, Query query) {
        boolean context = query.contextIdentifier() == null
                || permission.contextIdentifier().value().equals(query.contextIdentifier().value());
        boolean type = query.permissionTypes() == null || query.permissionTypes().isEmpty()
                || query.permissionTypes().contains(permission.permissionScope());
        boolean state = query.permissionState() == null || query.permissionState().equals(permission.permissionState());
        return context && type && state;
    }
}
