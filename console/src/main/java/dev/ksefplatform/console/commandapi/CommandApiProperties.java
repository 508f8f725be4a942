package dev.ksefplatform.console.commandapi;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The console's bearer token at command-api and how long it waits for an answer (the URL is a shared property). */
@ConfigurationProperties("console.command-api")
public record CommandApiProperties(String token, @DefaultValue("10s") Duration timeout) {

    @Override
    public String toString() {
        return "CommandApiProperties[token=redacted, timeout=" + timeout + "]";
    }
}
