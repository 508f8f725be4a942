package dev.ksefplatform.simulator.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.simulator.SimulatorProperties;
import dev.ksefplatform.simulator.jwt.JwtCodec;
import dev.ksefplatform.simulator.keys.KeyRing;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import dev.ksefplatform.simulator.tokens.KsefTokens;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

@Configuration
public class AuthConfiguration {

    @Bean
    public BearerTokens bearerTokens(ObjectMapper mapper, SimulatorProperties properties, SubjectPermissions permissions,
                                     Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new BearerTokens(new JwtCodec(secret, mapper, clock), properties, permissions, clock);
    }

    @Bean
    WebFilter bearerRequiredFilter(BearerTokens bearer, ObjectMapper mapper, Clock clock) {
        return new BearerRequiredFilter(bearer, mapper, clock);
    }

    @Bean
    public Authentications authentications(KeyRing keys, KsefTokens ksefTokens, BearerTokens bearer,
                                           ReferenceNumbers references, SimulatorProperties properties, Clock clock,
                                           SubjectPermissions permissions) {
        return new Authentications(new Challenges(references, clock), keys, ksefTokens, bearer, references,
                properties, clock, new XadesLogins(new XadesVerifier(), permissions), permissions);
    }
}
