package dev.ksefplatform.simulator.error;

import java.util.List;

/** A valid token without any of the permissions an endpoint needs: 403 {@code missing-permissions}. */
public class MissingPermissions extends RuntimeException {

    private final List<String> required;
    private final List<String> present;

    public MissingPermissions(List<String> required, List<String> present) {
        super("Brak wymaganych uprawnień.");
        this.required = List.copyOf(required);
        this.present = List.copyOf(present);
    }

    public List<String> required() {
        return required;
    }

    public List<String> present() {
        return present;
    }
}
