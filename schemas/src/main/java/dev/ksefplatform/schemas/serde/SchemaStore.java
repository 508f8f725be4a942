package dev.ksefplatform.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Every released version of an envelope schema, read from the classpath. Readers resolve any
 * released writer schema by its 64-bit fingerprint, so old records stay readable forever without a
 * schema registry.
 *
 * <p>Layout: {@code dev/ksefplatform/schemas/released/index.properties} maps an envelope name to a
 * comma-separated list of resource files, oldest first.
 */
public final class SchemaStore {

    private static final String BASE = "/dev/ksefplatform/schemas/released/";

    private SchemaStore() {
    }

    /** The released versions of one envelope, oldest first. */
    public static List<Schema> released(String envelopeName) {
        String files = index().getProperty(envelopeName);
        if (files == null || files.isBlank()) {
            throw new IllegalStateException("no released schema for " + envelopeName);
        }
        List<Schema> schemas = new ArrayList<>();
        for (String file : files.split(",")) {
            schemas.add(parse(file.trim()));
        }
        return List.copyOf(schemas);
    }

    /** The newest released version of one envelope. */
    public static Schema latestReleased(String envelopeName) {
        List<Schema> all = released(envelopeName);
        return all.get(all.size() - 1);
    }

    /** The Avro single-object fingerprint (CRC-64-AVRO of the parsing canonical form). */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    private static Properties index() {
        try (InputStream in = SchemaStore.class.getResourceAsStream(BASE + "index.properties")) {
            if (in == null) {
                throw new IllegalStateException("missing " + BASE + "index.properties");
            }
            Properties index = new Properties();
            index.load(in);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema parse(String file) {
        try (InputStream in = SchemaStore.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("missing released schema " + file);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
