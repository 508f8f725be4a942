package dev.ksefplatform.ksef.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each hostile shape is refused by the limit meant for it, at the point it breaks it, with the default limits. */
class HostileDocumentsTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Faktura xmlns=\"" + Fa3Schema.NAMESPACE + "\">";

    @Test
    void refusesFiftyThousandNestedElementsOnceTheyPassTheDepthLimit() {
        Fa3Reading reading = read(HEAD + "<a>".repeat(50_000) + "</a>".repeat(50_000) + "</Faktura>");

        assertOverLimit(reading, XmlLimit.DEPTH, 32);
        assertThat(((Fa3Reading.OverLimit) reading).where().column()).isLessThan(HEAD.length() + 33 * 3 + 1);
    }

    @Test
    void refusesA900KilobyteAttribute() {
        assertOverLimit(read(HEAD + "<Naglowek x=\"" + "a".repeat(900_000) + "\"/></Faktura>"), XmlLimit.ATTRIBUTE_LENGTH, 1_024);
    }

    @Test
    void refusesAnElementWithThousandsOfAttributes() {
        String attributes = IntStream.range(0, 5_000).mapToObj(i -> "a" + i + "=\"1\"").collect(Collectors.joining(" "));

        assertOverLimit(read(HEAD + "<Naglowek " + attributes + "/></Faktura>"), XmlLimit.ATTRIBUTES, 16);
    }

    @Test
    void refusesAQuarterMillionTinyElementsAtTheElementLimit() {
        Fa3Reading reading = read(HEAD + "<a/>".repeat(249_000) + "</Faktura>");

        assertOverLimit(reading, XmlLimit.ELEMENTS, 100_000);
        assertThat(((Fa3Reading.OverLimit) reading).where().column()).isLessThan(HEAD.length() + 100_001 * 4 + 1);
    }

    @Test
    void refusesAHugeTextNodeWrittenOutOrAsCharacterReferences() {
        assertOverLimit(read(HEAD + "<Naglowek>" + "a".repeat(900_000) + "</Naglowek></Faktura>"), XmlLimit.TEXT_LENGTH, 16_384);
        assertOverLimit(read(HEAD + "<Naglowek>" + "&#65;".repeat(150_000) + "</Naglowek></Faktura>"), XmlLimit.TEXT_LENGTH, 16_384);
    }

    @Test
    void refusesEntityExpansionBecauseNoDoctypeIsRead() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><Faktura>&lol2;</Faktura>";

        assertThat(read(laughs)).isInstanceOfSatisfying(Fa3Reading.Invalid.class, invalid -> assertThat(invalid.violations())
                .singleElement().satisfies(v -> assertThat(v.message()).contains("DOCTYPE is disallowed")));
    }

    @Test
    void refusesEveryEncodingButUtf8WithoutBom() {
        String invoice = Fa3Samples.template("5265877635", "FV/1/2026");
        byte[] utf8 = invoice.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        System.arraycopy(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0, bom, 0, 3);
        System.arraycopy(utf8, 0, bom, 3, utf8.length);

        assertNotUtf8(bom, "byte order mark");
        assertNotUtf8(invoice.replace("utf-8", "UTF-16").getBytes(StandardCharsets.UTF_16), "UTF-16");
        assertNotUtf8(invoice.replace("utf-8", "UTF-16").getBytes(StandardCharsets.UTF_16LE), "UTF-16");
        assertNotUtf8(invoice.replace("utf-8", "ISO-8859-2").getBytes(StandardCharsets.UTF_8), "declares encoding ISO-8859-2");
        assertNotUtf8(invoice.getBytes(Charset.forName("ISO-8859-2")), "not valid UTF-8");
    }

    @Test
    void stopsCollectingViolationsAtTheirLimit() {
        Fa3Reading reading = read(HEAD + "<Naglowek><x/></Naglowek>".repeat(20_000) + "</Faktura>");

        assertThat(reading.violations()).hasSize(101)
                .last().satisfies(v -> assertThat(v.message()).contains("reading stopped after 100"));
    }

    @Test
    void theDefaultsAdmitTheLargestInvoice() {
        byte[] largest = Fa3Samples.ofSize("5265877635", "FV/1/2026", 1_000_000);

        assertThat(largest.length).isBetween(990_000, 1_000_000);
        assertThat(Fa3Schema.get().read(largest)).isInstanceOf(Fa3Reading.Valid.class);
    }

    @Test
    void eachLimitAdmitsTheTemplateAtItsOwnSizeAndRefusesItOneBelow() {
        byte[] xml = Fa3Samples.template("5265877635", "FV/1/2026").getBytes(StandardCharsets.UTF_8);
        // the template: 5 deep, 111 elements, 2 attributes, values of up to 6 (attribute) and 36 (text) characters
        XmlLimits exact = new XmlLimits(5, 111, 2, 6, 36, 100);

        assertThat(Fa3Schema.get().read(xml, exact)).isInstanceOf(Fa3Reading.Valid.class);
        assertOverLimit(Fa3Schema.get().read(xml, new XmlLimits(4, 111, 2, 6, 36, 100)), XmlLimit.DEPTH, 4);
        assertOverLimit(Fa3Schema.get().read(xml, new XmlLimits(5, 110, 2, 6, 36, 100)), XmlLimit.ELEMENTS, 110);
        assertOverLimit(Fa3Schema.get().read(xml, new XmlLimits(5, 111, 1, 6, 36, 100)), XmlLimit.ATTRIBUTES, 1);
        assertOverLimit(Fa3Schema.get().read(xml, new XmlLimits(5, 111, 2, 5, 36, 100)), XmlLimit.ATTRIBUTE_LENGTH, 5);
        assertOverLimit(Fa3Schema.get().read(xml, new XmlLimits(5, 111, 2, 6, 35, 100)), XmlLimit.TEXT_LENGTH, 35);
    }

    private static Fa3Reading read(String xml) {
        return Fa3Schema.get().read(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertOverLimit(Fa3Reading reading, XmlLimit limit, long max) {
        assertThat(reading).isInstanceOfSatisfying(Fa3Reading.OverLimit.class, over -> {
            assertThat(over.limit()).isEqualTo(limit);
            assertThat(over.max()).isEqualTo(max);
            assertThat(over.where().line()).isPositive();
            assertThat(over.where().message()).contains("limit '" + limit.slug() + "'");
        });
    }

    private static void assertNotUtf8(byte[] xml, String reason) {
        assertThat(Fa3Schema.get().read(xml)).isInstanceOfSatisfying(Fa3Reading.NotUtf8.class,
                notUtf8 -> assertThat(notUtf8.reason()).contains(reason));
    }
}
