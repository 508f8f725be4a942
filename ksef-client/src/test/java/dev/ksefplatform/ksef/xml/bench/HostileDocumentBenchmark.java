package dev.ksefplatform.ksef.xml.bench;

import dev.ksefplatform.ksef.xml.Fa3Reading;
import dev.ksefplatform.ksef.xml.Fa3Schema;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a hostile document of up to 1 MB costs before it is refused (compare with a valid 1 MB invoice in
 * {@link Fa3ValidationBenchmark}). Run with {@code BENCH=HostileDocumentBenchmark ksef-client/bench.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class HostileDocumentBenchmark {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Faktura xmlns=\"" + Fa3Schema.NAMESPACE + "\">";

    @Param({"nested-50000", "attribute-900KB", "elements-249000", "text-900KB", "invalid-20000", "entity-expansion", "latin2"})
    String shape;

    byte[] document;

    @Setup
    public void setUp() {
        String xml = switch (shape) {
            case "nested-50000" -> HEAD + "<a>".repeat(50_000) + "</a>".repeat(50_000) + "</Faktura>";
            case "attribute-900KB" -> HEAD + "<Naglowek x=\"" + "a".repeat(900_000) + "\"/></Faktura>";
            case "elements-249000" -> HEAD + "<a/>".repeat(249_000) + "</Faktura>";
            case "text-900KB" -> HEAD + "<Naglowek>" + "a".repeat(900_000) + "</Naglowek></Faktura>";
            case "invalid-20000" -> HEAD + "<Naglowek><x/></Naglowek>".repeat(20_000) + "</Faktura>";
            case "entity-expansion" -> "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;"
                    + "&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><Faktura>&c;&c;&c;&c;</Faktura>";
            case "latin2" -> HEAD + "<Naglowek>" + "Łódź ".repeat(100_000) + "</Naglowek></Faktura>";
            default -> throw new IllegalArgumentException(shape);
        };
        document = xml.getBytes(shape.equals("latin2") ? java.nio.charset.Charset.forName("ISO-8859-2") : StandardCharsets.UTF_8);
        if (Fa3Schema.get().read(document) instanceof Fa3Reading.Valid) {
            throw new IllegalStateException(shape + " was accepted");
        }
    }

    @Benchmark
    public Fa3Reading refuse() {
        return Fa3Schema.get().read(document);
    }
}
