package dev.ksefplatform.ksef.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The hand-written reader gives what the formatter gives, for every shape and every near miss. */
class IsoInstantsTest {

    @Property(tries = 5_000)
    void readsWhatTheFormatterReads(@ForAll("instants") Instant instant, @ForAll @IntRange(max = 9) int fraction,
                                    @ForAll("offsets") String offset) {
        String text = render(instant, fraction, offset);
        assertThat(IsoInstants.parse(text)).as(text).isEqualTo(IsoInstants.formatter(text));
    }

    @Property(tries = 10_000)
    void nearMissesEndAsTheFormatterEndsThem(@ForAll("instants") Instant instant, @ForAll @IntRange(max = 9) int fraction,
                                             @ForAll("offsets") String offset, @ForAll("edits") Edit edit) {
        String text = edit.apply(render(instant, fraction, offset));
        Object expected = outcome(() -> IsoInstants.formatter(text));
        assertThat(outcome(() -> IsoInstants.parse(text))).as(text).isEqualTo(expected);
    }

    @Example
    void refusesWhatIsOutOfRangeAsTheFormatterDoes() {
        for (String text : new String[] {"2025-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z",
                "2024-01-01T00:60:00Z", "2024-01-01T00:00:60Z", "2024-01-01T00:00:00+18:01",
                "2024-01-01T00:00:00.0123456789Z", "2024-01-01T00:00:00+0100"}) {
            assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeException.class);
        }
        assertThat(IsoInstants.parse("2024-02-29T23:59:59.999999999-18:00"))
                .isEqualTo(Instant.parse("2024-03-01T17:59:59.999999999Z"));
        assertThat(IsoInstants.parse("2024-01-01T00:00:00.Z")).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(IsoInstants.parse("2024-01-01T00:00+01:00")).isEqualTo(Instant.parse("2023-12-31T23:00:00Z"));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("0000-01-01T18:00:00Z").getEpochSecond(),
                        Instant.parse("9999-12-31T06:00:00Z").getEpochSecond())
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    }

    @Provide
    Arbitrary<String> offsets() {
        return Arbitraries.oneOf(Arbitraries.of("", "Z", "+00:00", "-00:00", "+18:00", "-18:00"),
                Arbitraries.integers().between(-18 * 60 + 1, 18 * 60 - 1)
                        .map(m -> ZoneOffset.ofTotalSeconds(m * 60).getId().replace("Z", "+00:00")));
    }

    @Provide
    Arbitrary<Edit> edits() {
        Arbitrary<Character> chars = Arbitraries.of('0', '9', '-', '+', ':', '.', 'T', 'Z', 'z', 't', ' ', '5', '3');
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 40).flatMap(at -> chars.map(c -> text -> replace(text, at, c))),
                Arbitraries.integers().between(0, 40).flatMap(at -> chars.map(c -> text -> insert(text, at, c))),
                Arbitraries.integers().between(0, 40).map(at -> text -> at < text.length()
                        ? text.substring(0, at) + text.substring(at + 1) : text));
    }

    interface Edit {
        String apply(String text);
    }

    private static String render(Instant instant, int fraction, String offset) {
        ZoneOffset zone = offset.isEmpty() || offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset);
        OffsetDateTime local = instant.atOffset(zone);
        String seconds = local.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"));
        String nanos = String.format("%09d", local.getNano()).substring(0, fraction);
        return seconds + (fraction == 0 ? "" : "." + nanos) + offset;
    }

    private static String replace(String text, int at, char c) {
        return at < text.length() ? text.substring(0, at) + c + text.substring(at + 1) : text;
    }

    private static String insert(String text, int at, char c) {
        return at <= text.length() ? text.substring(0, at) + c + text.substring(at) : text;
    }

    /** The instant, or the kind of exception. */
    private static Object outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e instanceof DateTimeException ? DateTimeException.class : e.getClass();
        }
    }
}
