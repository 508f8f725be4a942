package dev.ksefplatform.simulator.upo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.simulator.invoice.AcceptedInvoice;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

class UpoWriterTest {

    private static final UpoWriter.Sender SENDER = new UpoWriter.Sender("20250916-SO-2C3E6C8000-B675CF5D68-07",
            "5265877635", "20250916-EC-2C3E6C8000-B675CF5D68-07");
    private static final AcceptedInvoice INVOICE = new AcceptedInvoice("5265877635-20250916-0200A0D6723E-C2",
            "5265877635", "VAT", "FA/<&>/1", "2025-09-16", "GZMGNVzs3krF6URKgvaw77OOeG3nJ+WGziT5xguliQ8=",
            SENDER.sessionReferenceNumber(), Instant.parse("2025-09-16T09:05:40.841Z"),
            Instant.parse("2025-09-16T09:05:41.045Z"), Instant.parse("2025-09-16T09:05:41.345Z"), "Online", null, 0);
    private final UpoWriter writer = new UpoWriter();

    @Test
    void writesAnInvoiceUpoValidAgainstTheOfficialSchemaApartFromTheTeSuffix() throws Exception {
        String upo = new String(writer.invoiceUpo(SENDER, INVOICE), StandardCharsets.UTF_8);

        validator().validate(source(upo.replace(UpoWriter.RECEIVER, "Ministerstwo Finansów")));
        assertThat(upo).contains("<DataPrzeslaniaDokumentu>2025-09-16T11:05:40.841+02:00</DataPrzeslaniaDokumentu>");
    }

    @Test
    void carriesTheTeSuffixWhichTheStrictSchemaRejects() {
        String upo = new String(writer.invoiceUpo(SENDER, INVOICE), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> validator().validate(source(upo))).isInstanceOf(SAXException.class);
    }

    @Test
    void writesASessionUpoWithItsPageDescription() throws Exception {
        String upo = new String(writer.sessionUpo(SENDER, List.of(INVOICE)), StandardCharsets.UTF_8);

        validator().validate(source(upo.replace(UpoWriter.RECEIVER, "Ministerstwo Finansów")));
        assertThat(upo).contains("<CalkowitaLiczbaDokumentow>1</CalkowitaLiczbaDokumentow>");
    }

    @Test
    void namesTheSignedAuthenticationDocumentAfterAXadesLogin() throws Exception {
        UpoWriter.Sender xades = new UpoWriter.Sender(SENDER.sessionReferenceNumber(), SENDER.contextNip(), null,
                "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/ABCDE=");

        String upo = new String(writer.invoiceUpo(xades, INVOICE), StandardCharsets.UTF_8);

        validator().validate(source(upo.replace(UpoWriter.RECEIVER, "Ministerstwo Finansów")));
        assertThat(upo).contains("<SkrotDokumentuUwierzytelniajacego>").doesNotContain("NumerReferencyjnyTokenaKSeF");
    }

    private static Validator validator() throws SAXException {
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(UpoWriterTest.class.getResource("/dev/ksefplatform/ksef/xsd/upo/upo-v4-3.xsd"))
                .newValidator();
    }

    private static StreamSource source(String xml) {
        return new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
