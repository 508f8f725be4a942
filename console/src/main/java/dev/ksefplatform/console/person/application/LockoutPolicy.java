package dev.ksefplatform.console.person.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** After {@code maxFailures} wrong passwords in a row, a person cannot log in for {@code duration}. */
@ConfigurationProperties("console.lockout")
public record LockoutPolicy(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration duration) {
}
