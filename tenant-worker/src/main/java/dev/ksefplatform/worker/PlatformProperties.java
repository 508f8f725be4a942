package dev.ksefplatform.worker;

import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The platform-wide settings the worker reads: where KSeF is per environment, and where the other services are. */
@ConfigurationProperties("ksef")
public record PlatformProperties(@DefaultValue Map<String, Endpoint> environments,
                                 @DefaultValue Map<String, Service> services) {

    public record Endpoint(URI baseUrl) {
    }

    public record Service(URI url) {
    }

    public Map<String, URI> environmentBaseUris() {
        return environments.entrySet().stream()
                .filter(e -> e.getValue().baseUrl() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().baseUrl()));
    }

    public URI serviceUrl(String name) {
        Service service = services.get(name);
        if (service == null || service.url() == null) {
            throw new IllegalStateException("ksef.services." + name + ".url is not configured");
        }
        return service.url();
    }
}
