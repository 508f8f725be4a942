package dev.ksefplatform.console.certificate;

import dev.ksefplatform.console.commandapi.Caller;
import dev.ksefplatform.console.commandapi.CommandApi;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/** The NIP of the caller's tenant, from command-api's tenant list (the console's own read; nothing else names it). */
final class TenantNips {

    private final CommandApi commandApi;

    TenantNips(CommandApi commandApi) {
        this.commandApi = commandApi;
    }

    Mono<String> of(Caller caller) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("q", caller.tenantId());
        query.add("limit", "10");
        return commandApi.operatorGet("/admin/v1/tenants", query)
                .flatMap(page -> Mono.justOrEmpty(((List<?>) page.getOrDefault("items", List.of())).stream()
                        .map(item -> (Map<?, ?>) item)
                        .filter(tenant -> caller.tenantId().equals(tenant.get("tenantId")))
                        .map(tenant -> String.valueOf(tenant.get("nip"))).findFirst()));
    }
}
