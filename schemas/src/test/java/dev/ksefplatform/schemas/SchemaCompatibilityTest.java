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
    void everyReleaseIsFullyCompatibleWithTheOneBeforeIt() {
        for (String envelope : java.util.List.of("CommandEnvelope", "EventEnvelope")) {
            java.util.List<Schema> releases = SchemaStore.released(envelope);
            for (int i = 1; i < releases.size(); i++) {
                assertThat(FullCompatibility.problems(releases.get(i - 1), releases.get(i)))
                        .as(envelope + " release " + (i + 1)).isEmpty();
            }
        }
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

    @Test
    void acceptsAPayloadBranchAppendedAtTheEnd() {
        Schema released = record("{\"name\":\"payload\",\"type\":[" + rec("A") + "]}");
        Schema candidate = record("{\"name\":\"payload\",\"type\":[" + rec("A") + "," + rec("B") + "]}");

        assertThat(FullCompatibility.problems(released, candidate)).isEmpty();
    }

    @Test
    void rejectsAPayloadBranchInsertedBeforeTheReleasedOnes() {
        Schema released = record("{\"name\":\"payload\",\"type\":[" + rec("A") + "]}");
        Schema candidate = record("{\"name\":\"payload\",\"type\":[" + rec("B") + "," + rec("A") + "]}");

        assertThat(FullCompatibility.problems(released, candidate)).anyMatch(p -> p.startsWith("payload union"));
    }

    @Test
    void rejectsAnIncompatibleChangeInsideAKnownPayloadType() {
        Schema released = record("{\"name\":\"payload\",\"type\":[" + rec("A") + "]}");
        Schema candidate = record("{\"name\":\"payload\",\"type\":[{\"type\":\"record\",\"name\":\"A\",\"fields\":["
                + "{\"name\":\"x\",\"type\":\"string\"},{\"name\":\"y\",\"type\":\"string\"}]}," + rec("B") + "]}");

        assertThat(FullCompatibility.problems(released, candidate)).anyMatch(p -> p.startsWith("backward"));
    }

    private static String rec(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"x\",\"type\":\"string\"}]}";
    }

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
    }
}
