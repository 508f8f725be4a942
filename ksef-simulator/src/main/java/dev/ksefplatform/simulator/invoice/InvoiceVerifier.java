package dev.ksefplatform.simulator.invoice;

import dev.ksefplatform.ksef.xml.Fa3Reading;
import dev.ksefplatform.ksef.xml.Fa3Schema;
import dev.ksefplatform.ksef.xml.InvoiceFacts;
import dev.ksefplatform.ksef.xml.XmlViolation;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import dev.ksefplatform.simulator.shared.StatusInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** KSeF's checks of an FA(3) invoice file, in the order KSeF reports them. */
public final class InvoiceVerifier {

    public static final int MAX_SIZE = 1_000_000;
    private static final String FILE_ERROR = "Błąd weryfikacji pliku faktury";
    private static final String SEMANTIC_ERROR = "Błąd weryfikacji semantyki dokumentu faktury";
    private static final int MAX_DETAILS = 20;
    private static final Pattern ENCODING = Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']+)[\"']");

    private final Clock clock;

    public InvoiceVerifier(Clock clock) {
        this.clock = clock;
    }

    public Verdict verify(byte[] xml, String contextNip) {
        if (xml.length > MAX_SIZE) {
            return rejected(StatusInfo.of(430, FILE_ERROR, "Rozmiar faktury przekracza " + MAX_SIZE + " B."), null);
        }
        if (xml.length >= 3 && (xml[0] & 0xFF) == 0xEF && (xml[1] & 0xFF) == 0xBB && (xml[2] & 0xFF) == 0xBF) {
            return rejected(StatusInfo.of(430, FILE_ERROR, "Plik zawiera znacznik BOM; wymagane UTF-8 bez BOM."), null);
        }
        if (!declaresUtf8(xml)) {
            return rejected(StatusInfo.of(430, FILE_ERROR, "Deklaracja XML musi wskazywać kodowanie UTF-8."), null);
        }
        Fa3Reading reading = Fa3Schema.get().read(xml);
        if (!(reading instanceof Fa3Reading.Valid valid)) {
            String[] details = reading.violations().stream().limit(MAX_DETAILS).map(XmlViolation::toString).toArray(String[]::new);
            return rejected(StatusInfo.of(430, FILE_ERROR, details), null);
        }
        return semantics(valid.facts(), contextNip);
    }

    private Verdict semantics(InvoiceFacts facts, String contextNip) {
        LocalDate today = LocalDate.now(clock.withZone(ReferenceNumbers.WARSAW));
        if (issuedAfter(facts.issueDate(), today)) {
            return rejected(StatusInfo.of(450, SEMANTIC_ERROR,
                    "Data wystawienia faktury (P_1) " + facts.issueDate() + " jest późniejsza niż data przyjęcia."), facts);
        }
        if (!contextNip.equals(facts.sellerNip())) {
            return rejected(StatusInfo.of(410, "Nieprawidłowy zakres uprawnień",
                    "Brak uprawnień do wystawienia faktury dla NIP sprzedawcy " + facts.sellerNip() + "."), facts);
        }
        return new Verdict.Valid(facts);
    }

    /** A prolog is optional, but when it names an encoding that must be UTF-8. */
    private static boolean declaresUtf8(byte[] xml) {
        String head = new String(xml, 0, Math.min(xml.length, 200), StandardCharsets.ISO_8859_1);
        Matcher prolog = ENCODING.matcher(head);
        return !head.startsWith("<?xml") || !prolog.find() || "utf-8".equalsIgnoreCase(prolog.group(1));
    }

    private static boolean issuedAfter(String issueDate, LocalDate today) {
        try {
            return issueDate == null || LocalDate.parse(issueDate).isAfter(today);
        } catch (DateTimeParseException e) {
            return true; // the schema guarantees a date, so only a broken document lands here
        }
    }

    private static Verdict rejected(StatusInfo status, InvoiceFacts facts) {
        return new Verdict.Rejected(status, facts);
    }
}
