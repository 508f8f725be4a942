package dev.ksefplatform.console.onboarding;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The KSeF environments the wizard offers (credential-service refuses one it is not configured for). */
@ConfigurationProperties("console.onboarding")
public record OnboardingProperties(@DefaultValue("TEST") List<String> environments) {
}
