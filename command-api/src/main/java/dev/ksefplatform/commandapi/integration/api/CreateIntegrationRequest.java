package dev.ksefplatform.commandapi.integration.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code {"environment"?,"scopes":["InvoiceWrite","InvoiceRead"],"credential":{…}}}; the NIP is the tenant's own. */
public record CreateIntegrationRequest(@Schema(description = "KSeF environment; the gateway's default when absent")
                                       String environment,
                                       @Schema(example = "[\"InvoiceWrite\",\"InvoiceRead\"]") List<String> scopes,
                                       CredentialRequest credential) {
}
