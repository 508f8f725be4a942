package dev.ksefplatform.console.operator;

import dev.ksefplatform.console.commandapi.CommandApi;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/**
 * One tenant's audit log for operators, optionally of one integration account (command-api {@code GET
 * /admin/v1/audit?tenantId=&integrationId=}): "view audit" of the integration accounts page, without acting for the
 * tenant.
 */
@Controller
class OperatorAuditPages {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,500}");

    private final CommandApi commandApi;
    private final int pageSize;

    OperatorAuditPages(CommandApi commandApi, @Value("${console.page-size:25}") int pageSize) {
        this.commandApi = commandApi;
        this.pageSize = pageSize;
    }

    @GetMapping("/operator/audit")
    Mono<String> audit(@RequestParam(required = false) String tenantId,
                       @RequestParam(required = false) String integrationId,
                       @RequestParam(required = false) String cursor, Model model) {
        if (tenantId == null || !ID.matcher(tenantId).matches()) {
            return Mono.just("redirect:/operator/integrations");
        }
        var query = new LinkedMultiValueMap<String, String>();
        query.add("tenantId", tenantId);
        model.addAttribute("tenantId", tenantId);
        if (integrationId != null && ID.matcher(integrationId).matches()) {
            query.add("integrationId", integrationId);
            model.addAttribute("integrationId", integrationId);
        }
        if (cursor != null && CURSOR.matcher(cursor).matches()) {
            query.add("cursor", cursor);
        }
        query.add("limit", String.valueOf(pageSize));
        return commandApi.operatorGet("/admin/v1/audit", query).doOnNext(page -> model.addAttribute("page", page))
                .thenReturn("operator-audit");
    }
}
