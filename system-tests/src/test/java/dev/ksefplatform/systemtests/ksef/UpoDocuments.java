package dev.ksefplatform.systemtests.ksef;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Reads a UPO the way a recipient would: parsed securely, checked against the official UPO v4-3 schema. */
final class UpoDocuments {

    static final String NAMESPACE = "http://upo.schematy.mf.gov.pl/KSeF/v4-3";
    /** The TE environment names itself so (official TE samples); the schema's enumeration knows only production. */
    private static final String TE_RECEIVER = "Ministerstwo Finansów - środowisko testowe (TE)";
    private static final String SCHEMA = "/dev/ksefplatform/ksef/xsd/upo/upo-v4-3.xsd";

    private UpoDocuments() {
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** Throws when the UPO is not valid against upo-v4-3.xsd (apart from the TE receiver name). */
    static void validate(byte[] xml) throws Exception {
        String asProduction = new String(xml, StandardCharsets.UTF_8).replace(TE_RECEIVER, "Ministerstwo Finansów");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(UpoDocuments.class.getResource(SCHEMA))
                .newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(asProduction.getBytes(StandardCharsets.UTF_8))));
    }

    static List<String> ksefNumbers(Document upo) {
        NodeList nodes = upo.getElementsByTagNameNS(NAMESPACE, "NumerKSeFDokumentu");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            numbers.add(nodes.item(i).getTextContent().trim());
        }
        return numbers;
    }
}
