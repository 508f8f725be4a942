package dev.ksefplatform.console.certificate;

import java.util.List;

/** Why an uploaded PKCS#12 file will not do, as a message key and its arguments (never the password). */
public record CertificateRefusal(String messageKey, List<Object> arguments) {

    static CertificateRefusal of(String messageKey, Object... arguments) {
        return new CertificateRefusal(messageKey, List.of(arguments));
    }

    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
