package dev.ksefplatform.commandapi.upstream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Upstream systems that publish commands to their own ingress topic ({@code ksef.ingress.<id>.v1}).
 *
 * @param systems     system id → the tenant ids it may act for; none: no ingress is consumed
 * @param concurrency consumers of the ingress topics in this instance
 * @param timeout     how long one command may take (recording, publishing, refusing) before it is retried
 */
@ConfigurationProperties("commandapi.upstreams")
public record UpstreamProperties(Map<String, UpstreamSystem> systems,
                                 @DefaultValue("2") int concurrency,
                                 @DefaultValue("30s") Duration timeout) {

    public UpstreamProperties {
        systems = systems == null ? Map.of() : Map.copyOf(systems);
    }

    /** @param tenants the tenant ids (command-api's) the system may submit invoices for */
    public record UpstreamSystem(List<String> tenants) {

        public UpstreamSystem {
            tenants = tenants == null ? List.of() : List.copyOf(tenants);
        }
    }
}
