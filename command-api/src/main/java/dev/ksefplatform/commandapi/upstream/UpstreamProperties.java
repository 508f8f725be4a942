package dev.ksefplatform.commandapi.upstream;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Upstream systems that publish commands to their own ingress topic ({@code ksef.ingress.<id>.v1}).
 *
 * @param systems     the systems' ids (each reads {@code ksef.ingress.<id>.v1}); none: no ingress is consumed. Which
 *                    tenants each may act for is granted through the admin API
 * @param concurrency consumers of the ingress topics in this instance
 * @param timeout     how long one command may take (recording, publishing, refusing) before it is retried
 */
@ConfigurationProperties("commandapi.upstreams")
public record UpstreamProperties(List<String> systems,
                                 @DefaultValue("2") int concurrency,
                                 @DefaultValue("30s") Duration timeout) {

    public UpstreamProperties {
        systems = systems == null ? List.of() : List.copyOf(systems);
    }
}
