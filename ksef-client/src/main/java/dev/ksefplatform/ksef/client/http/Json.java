package dev.ksefplatform.ksef.client.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;

/** The one JSON mapper: unknown fields ignored (KSeF adds fields without notice), nulls not sent. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new SimpleModule().addDeserializer(Instant.class, new LenientInstant()))
            .build();

    private Json() {
    }

    /** KSeF sends ISO-8601 with an offset, 7 fraction digits, and sometimes no offset at all (then UTC). */
    public static Instant parseInstant(String text) {
        return IsoInstants.parse(text);
    }

    private static final class LenientInstant extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            return text == null || text.isBlank() ? null : parseInstant(text);
        }
    }
}
