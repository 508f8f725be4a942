package dev.ksefplatform.ksef.client.query;

import dev.ksefplatform.ksef.client.KsefPermissions;
import dev.ksefplatform.ksef.client.PersonalGrant;
import dev.ksefplatform.ksef.client.http.ContextDto;
import dev.ksefplatform.ksef.client.http.KsefCall;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code POST /permissions/query/personal/grants}, every page. */
public final class HttpKsefPermissions implements KsefPermissions {

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 1000;

    record Permission(String id, String permissionScope, ContextDto contextIdentifier, String description) {
    }

    record Page(List<Permission> permissions, boolean hasMore) {
    }

    private final KsefHttp http;

    public HttpKsefPermissions(KsefHttp http) {
        this.http = http;
    }

    @Override
    public List<PersonalGrant> personalGrants(String accessToken) {
        List<PersonalGrant> grants = new ArrayList<>();
        Page page;
        int offset = 0;
        do {
            page = http.call(KsefCall.post("/permissions/query/personal/grants?pageOffset=" + offset + "&pageSize="
                    + PAGE_SIZE, Map.of(), Page.class).bearer(accessToken));
            (page.permissions() == null ? List.<Permission>of() : page.permissions()).forEach(p -> grants.add(toGrant(p)));
            offset++;
        } while (page.hasMore() && offset < MAX_PAGES);
        return List.copyOf(grants);
    }

    private static PersonalGrant toGrant(Permission p) {
        return new PersonalGrant(p.id(), p.permissionScope(),
                p.contextIdentifier() == null ? null : p.contextIdentifier().toContext(), p.description());
    }
}
