package dev.ksefplatform.worker.engine.adapter.ksef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.worker.engine.application.Ksef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class SessionUpoParserTest {

    @Test
    void readsEveryDocumentOfTheOfficialSessionUpoSample() throws IOException {
        byte[] upo;
        try (InputStream in = getClass().getResourceAsStream("/ksef/upo-sesja-kontekst-id-nip.xml")) {
            upo = in.readAllBytes();
        }
        assertThat(SessionUpoParser.entries(upo)).containsExactly(
                new Ksef.UpoEntry("5265877635-20250916-010040741B3E-46", "FA/SIGTF-3388125147/11/2025",
                        "jli86Kp2Kw7jppX59P8VmjWRcwLTvsPK3DcPEB87mNk=", Instant.parse("2025-09-16T09:02:42.084Z")),
                new Ksef.UpoEntry("5265877635-20250916-0200A0D6723E-C2", "FA/XVQUD-9997622510/04/2027",
                        "GZMGNVzs3krF6URKgvaw77OOeG3nJ+WGziT5xguliQ8=", Instant.parse("2025-09-16T09:05:41.045Z")));
    }

    @Test
    void aTimeWithoutAZoneIsUtcAndAnUnreadableOneIsRefused() {
        assertThat(SessionUpoParser.entries(upo("2025-09-16T11:02:42.0841234")))
                .extracting(Ksef.UpoEntry::acquiredAt).containsExactly(Instant.parse("2025-09-16T11:02:42.0841234Z"));
        assertThatThrownBy(() -> SessionUpoParser.entries(upo("2025-09-16 11:02"))).isInstanceOf(DateTimeParseException.class);
    }

    private static byte[] upo(String acquired) {
        return ("<Potwierdzenie xmlns=\"http://upo.schematy.mf.gov.pl/KSeF/v4-3\"><Dokument>"
                + "<NumerKSeFDokumentu>5265877635-20250916-010040741B3E-46</NumerKSeFDokumentu>"
                + "<DataNadaniaNumeruKSeF>" + acquired + "</DataNadaniaNumeruKSeF></Dokument></Potwierdzenie>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
