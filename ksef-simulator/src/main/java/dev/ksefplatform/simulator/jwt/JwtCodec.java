package dev.ksefplatform.simulator.jwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs and verifies compact HS256 JWTs with a secret that lives only as long as the simulator. */
public final class JwtCodec {

    private static final String HEADER = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private final byte[] secret;
    private final ObjectMapper mapper;
    private final Clock clock;

    public JwtCodec(byte[] secret, ObjectMapper mapper, Clock clock) {
        this.secret = secret.clone();
        this.mapper = mapper;
        this.clock = clock;
    }

    public String sign(Map<String, Object> claims) {
        try {
            String signingInput = HEADER + "." + encode(mapper.writeValueAsBytes(claims));
            return signingInput + "." + encode(mac(signingInput));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claims are not serialisable", e);
        }
    }

    /** The claims of a token whose signature verifies and whose {@code exp} is in the future. */
    public Optional<Map<String, Object>> verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3 || !HEADER.equals(parts[0])) {
            return Optional.empty();
        }
        byte[] expected = mac(parts[0] + "." + parts[1]);
        if (!MessageDigest.isEqual(expected, decode(parts[2]))) {
            return Optional.empty();
        }
        Map<String, Object> claims = parse(parts[1]);
        Object exp = claims.get("exp");
        boolean live = exp instanceof Number n && n.longValue() > clock.instant().getEpochSecond();
        return live ? Optional.of(claims) : Optional.empty();
    }

    private Map<String, Object> parse(String payload) {
        try {
            return mapper.readValue(decode(payload), MAP);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a token signed by us is not JSON", e);
        }
    }

    private byte[] mac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JRE has HmacSHA256", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] decode(String text) {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
