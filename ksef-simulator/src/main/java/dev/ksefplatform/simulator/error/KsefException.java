package dev.ksefplatform.simulator.error;

import java.util.List;

/** A KSeF 400: one exception code with its official description and details. */
public class KsefException extends RuntimeException {

    private final int code;
    private final String description;
    private final List<String> details;

    public KsefException(int code, String description, String... details) {
        super(code + " " + description);
        this.code = code;
        this.description = description;
        this.details = List.of(details);
    }

    public static KsefException validation(String detail) {
        return new KsefException(21405, "Błąd walidacji danych wejściowych.", detail);
    }

    public static KsefException noSession(String referenceNumber) {
        return new KsefException(21173, "Brak sesji o wskazanym numerze referencyjnym.",
                "Sesja o numerze referencyjnym " + referenceNumber + " nie została odnaleziona.");
    }

    public static KsefException unknownKey(String keyId) {
        return new KsefException(21470,
                "Przesłany identyfikator klucza jest nieznany lub wskazuje na wycofany klucz.",
                "Klucz o identyfikatorze " + keyId + " nie jest wspierany.");
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    public List<String> details() {
        return details;
    }
}
