package dev.ksefplatform.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Bad bodies for the tenant's invoice endpoint, each kind seeded from a valid FA(3) invoice so that it reaches the
 * deepest check it can: hostile XML (entity expansion, external entities, huge attributes, deep nesting), wrong
 * encodings, truncations, flipped bytes, and things that are not XML at all.
 */
final class HostileInputs {

    /** One generated input: its kind (for the figures) and its bytes. */
    record Input(String kind, byte[] body) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("billion-laughs", (r, valid) -> entityExpansion(valid)),
            new Kind("external-entity", (r, valid) -> externalEntity(valid, r)),
            new Kind("parameter-entity", (r, valid) -> utf8("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY % p SYSTEM "
                    + "\"http://127.0.0.1:1/evil.dtd\"> %p;]><d/>")),
            new Kind("huge-attribute", (r, valid) -> hugeAttribute(valid, r)),
            new Kind("deep-nesting", (r, valid) -> deepNesting(2_000 + r.nextInt(20_000))),
            new Kind("declared-utf16-sent-utf8", (r, valid) -> changed(valid, new String(valid, StandardCharsets.UTF_8)
                    .replaceFirst("(?i)encoding=\"utf-8\"", "encoding=\"UTF-16\""))),
            new Kind("latin2-bytes-declared-utf8", (r, valid) -> new String(valid, StandardCharsets.UTF_8)
                    .replace("sp. z o.o.", "Zażółć gęślą jaźń").getBytes(java.nio.charset.Charset.forName("ISO-8859-2"))),
            new Kind("invalid-utf8", (r, valid) -> insert(valid, r, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF})),
            new Kind("truncated", (r, valid) -> Arrays.copyOf(valid, r.nextInt(valid.length))),
            new Kind("flipped-bytes", HostileInputs::flipped),
            new Kind("json-not-xml", (r, valid) -> utf8(r.nextBoolean() ? "{\"invoice\": [1, 2," : "{\"a\":" + "[".repeat(5_000))),
            new Kind("random-bytes", (r, valid) -> random(r, 1 + r.nextInt(4_096))),
            new Kind("empty", (r, valid) -> new byte[0]),
            new Kind("nul-bytes", (r, valid) -> insert(valid, r, new byte[] {0, 0, 0})),
            new Kind("processing-instruction-bomb", (r, valid) -> utf8("<?xml version=\"1.0\"?>"
                    + "<?pi " + "x".repeat(200_000) + "?><Faktura/>")));

    private HostileInputs() {
    }

    static int kinds() {
        return KINDS.size();
    }

    /** The {@code n}-th input of a seeded sequence: every kind in turn, each with its own randomness. */
    static Input next(Random random, int n, byte[] valid) {
        Kind kind = KINDS.get(n % KINDS.size());
        return new Input(kind.name(), kind.make().apply(random, valid));
    }

    private record Kind(String name, Maker make) {
    }

    @FunctionalInterface
    private interface Maker {
        byte[] apply(Random random, byte[] valid);
    }

    private static byte[] entityExpansion(byte[] valid) {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE Faktura [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        return afterDeclaration(valid, dtd.toString(), s -> s.replaceFirst("<P_2>", "<P_2>&l9;"));
    }

    private static byte[] externalEntity(byte[] valid, Random random) {
        String target = random.nextBoolean() ? "file:///etc/passwd" : "http://127.0.0.1:1/secret";
        return afterDeclaration(valid, "<!DOCTYPE Faktura [<!ENTITY x SYSTEM \"" + target + "\">]>",
                s -> s.replaceFirst("<P_2>", "<P_2>&x;"));
    }

    private static byte[] hugeAttribute(byte[] valid, Random random) {
        String value = "A".repeat(100_000 + random.nextInt(900_000));
        return changed(valid, new String(valid, StandardCharsets.UTF_8).replaceFirst("<Faktura\\s",
                "<Faktura huge=\"" + value + "\" "));
    }

    private static byte[] deepNesting(int depth) {
        return utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + "<a>".repeat(depth) + "</a>".repeat(depth));
    }

    private static byte[] afterDeclaration(byte[] valid, String doctype, Function<String, String> body) {
        String xml = new String(valid, StandardCharsets.UTF_8);
        int end = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        return utf8(xml.substring(0, end) + doctype + body.apply(xml.substring(end)));
    }

    private static byte[] flipped(Random random, byte[] valid) {
        byte[] copy = valid.clone();
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private static byte[] insert(byte[] valid, Random random, byte[] bad) {
        int at = random.nextInt(valid.length);
        byte[] out = new byte[valid.length + bad.length];
        System.arraycopy(valid, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(valid, at, out, at + bad.length, valid.length - at);
        return out;
    }

    private static byte[] random(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The mutated document, or a failure if the mutation missed (a hostile input that is not hostile proves nothing). */
    private static byte[] changed(byte[] valid, String mutated) {
        byte[] bytes = utf8(mutated);
        if (Arrays.equals(bytes, valid)) {
            throw new IllegalStateException("the mutation did not apply to the sample invoice");
        }
        return bytes;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
