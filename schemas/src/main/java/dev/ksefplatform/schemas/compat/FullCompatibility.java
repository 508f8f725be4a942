package dev.ksefplatform.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Full (backward and forward) compatibility between a candidate schema and a released one: new
 * readers must read old data, and old readers must read new data, because producers and consumers
 * are deployed independently.
 */
public final class FullCompatibility {

    private FullCompatibility() {
    }

    /** The incompatibilities found, in words; empty when the pair is fully compatible. */
    public static List<String> problems(Schema released, Schema candidate) {
        List<String> problems = new ArrayList<>();
        check("backward (new reader, released writer)", candidate, released, problems);
        check("forward (released reader, new writer)", released, candidate, problems);
        return problems;
    }

    private static void check(String direction, Schema reader, Schema writer, List<String> problems) {
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            result.getResult().getIncompatibilities().forEach(i -> problems.add(
                    direction + ": " + i.getType() + " at " + i.getLocation() + " - " + i.getMessage()));
        }
    }
}
