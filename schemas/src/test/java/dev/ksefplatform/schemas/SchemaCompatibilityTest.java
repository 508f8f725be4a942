package dev.ksefplatform.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.compat.FullCompatibility;
import dev.ksefplatform.schemas.serde.SchemaStore;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The build step that rejects a schema change which breaks the last release, in either direction. */
class SchemaCompatibilityTest {

    @Test
    void commandEnvelopeIsFullyCompatibleWithLastRelease() {
        assertThat(FullCompatibility.problems(SchemaStore.latestReleased("CommandEnvelope"), CommandEnvelope.getClassSchema()))
                .isEmpty();
    }

    @Test
    void eventEnvelopeIsFullyCompatibleWithLastRelease() {
        assertThat(FullCompatibility.problems(SchemaStore.latestReleased("EventEnvelope"), EventEnvelope.getClassSchema()))
                .isEmpty();
    }

    @Test
    void rejectsAFieldAddedWithoutDefault() {
        Schema released = record("{\"name\":\"a\",\"type\":\"string\"}");
        Schema candidate = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"string\"}");

        assertThat(FullCompatibility.problems(released, candidate)).singleElement().asString().startsWith("backward");
    }

    @Test
    void rejectsARemovedFieldThatHadNoDefault() {
        Schema released = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"string\"}");
        Schema candidate = record("{\"name\":\"a\",\"type\":\"string\"}");

        assertThat(FullCompatibility.problems(released, candidate)).singleElement().asString().startsWith("forward");
    }

    @Test
    void acceptsAnOptionalFieldWithDefault() {
        Schema released = record("{\"name\":\"a\",\"type\":\"string\"}");
        Schema candidate = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}");

        assertThat(FullCompatibility.problems(released, candidate)).isEmpty();
    }

    @Test
    void rejectsANewUnionBranchForOldReaders() {
        Schema released = record("{\"name\":\"p\",\"type\":[\"int\"]}");
        Schema candidate = record("{\"name\":\"p\",\"type\":[\"int\",\"string\"]}");

        assertThat(FullCompatibility.problems(released, candidate)).anyMatch(p -> p.startsWith("forward"));
    }

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
    }
}
