package dev.ksefplatform.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Full (backward and forward) compatibility between a candidate schema and a released one: new
 * readers must read old data, and old readers must read new data, because producers and consumers
 * are deployed independently.
 *
 * <p>One extension is allowed: the envelope's {@value #PAYLOAD} union may grow by branches appended
 * at its end. Forward compatibility is then checked for every record whose payload is a type the
 * released reader knows (Avro resolves union branches by name and fails only on the branch a reader
 * lacks); records of the new types announce themselves in the {@code ksef-message-type} header, so
 * an old reader skips them before decoding.
 */
public final class FullCompatibility {

    static final String PAYLOAD = "payload";

    private FullCompatibility() {
    }

    /** The incompatibilities found, in words; empty when the pair is fully compatible. */
    public static List<String> problems(Schema released, Schema candidate) {
        List<String> problems = new ArrayList<>();
        check("backward (new reader, released writer)", candidate, released, problems);
        appendedOnly(released, candidate, problems);
        check("forward (released reader, new writer)", released, knownPayloadsOnly(candidate, released), problems);
        return problems;
    }

    private static void check(String direction, Schema reader, Schema writer, List<String> problems) {
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            result.getResult().getIncompatibilities().forEach(i -> problems.add(
                    direction + ": " + i.getType() + " at " + i.getLocation() + " - " + i.getMessage()));
        }
    }

    /** The released payload branches must stay the candidate's first branches, in their order. */
    private static void appendedOnly(Schema released, Schema candidate, List<String> problems) {
        List<String> old = branchNames(payload(released));
        List<String> now = branchNames(payload(candidate));
        if (!old.isEmpty() && (now.size() < old.size() || !now.subList(0, old.size()).equals(old))) {
            problems.add("payload union: released branches " + old + " must stay first and in order, got " + now);
        }
    }

    /** The candidate as an old reader meets it: only records whose payload is a released type. */
    private static Schema knownPayloadsOnly(Schema candidate, Schema released) {
        Schema.Field payload = candidate.getType() == Schema.Type.RECORD ? candidate.getField(PAYLOAD) : null;
        Schema releasedPayload = payload(released);
        if (payload == null || payload.schema().getType() != Schema.Type.UNION || releasedPayload == null) {
            return candidate;
        }
        Set<String> known = Set.copyOf(branchNames(releasedPayload));
        List<Schema> kept = payload.schema().getTypes().stream().filter(b -> known.contains(b.getFullName())).toList();
        List<Schema.Field> fields = candidate.getFields().stream()
                .map(f -> new Schema.Field(f, f.name().equals(PAYLOAD) ? Schema.createUnion(kept) : f.schema()))
                .collect(Collectors.toList());
        return Schema.createRecord(candidate.getName(), candidate.getDoc(), candidate.getNamespace(), false, fields);
    }

    private static Schema payload(Schema record) {
        if (record.getType() != Schema.Type.RECORD || record.getField(PAYLOAD) == null) {
            return null;
        }
        Schema type = record.getField(PAYLOAD).schema();
        return type.getType() == Schema.Type.UNION ? type : null;
    }

    private static List<String> branchNames(Schema union) {
        return union == null ? List.of() : union.getTypes().stream().map(Schema::getFullName).toList();
    }
}
