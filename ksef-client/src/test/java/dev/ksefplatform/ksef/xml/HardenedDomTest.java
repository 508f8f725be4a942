package dev.ksefplatform.ksef.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

class HardenedDomTest {

    private final HardenedDom dom = new HardenedDom(8);

    @Test
    void readsANamespacedDocument() throws Exception {
        var document = dom.parse(bytes("<a:Faktura xmlns:a=\"urn:x\"><a:P_15>12.30</a:P_15></a:Faktura>"));

        assertThat(document.getElementsByTagNameNS("urn:x", "P_15").item(0).getTextContent()).isEqualTo("12.30");
    }

    @Test
    void refusesAnyDoctypeSoNoEntityIsEverExpanded() {
        String billionLaughs = "<!DOCTYPE a [<!ENTITY x \"xx\"><!ENTITY y \"&x;&x;\">]><a>&y;</a>";
        String external = "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>";

        assertThatThrownBy(() -> dom.parse(bytes(billionLaughs))).isInstanceOf(SAXException.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> dom.parse(bytes(external))).isInstanceOf(SAXException.class);
    }

    @Test
    void refusesNestingDeeperThanItsLimit() throws Exception {
        assertThat(dom.parse(bytes("<a>".repeat(8) + "</a>".repeat(8)))).isNotNull();

        assertThatThrownBy(() -> dom.parse(bytes("<a>".repeat(9) + "</a>".repeat(9))))
                .isInstanceOf(SAXException.class).hasMessageContaining("maxElementDepth");
    }

    @Test
    void aDocumentThatIsNotWellFormedIsAnExceptionNotAnErrorOnStandardError() {
        assertThatThrownBy(() -> dom.parse(bytes("<a><b></a>"))).isInstanceOf(SAXException.class);
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
