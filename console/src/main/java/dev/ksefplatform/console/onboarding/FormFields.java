package dev.ksefplatform.console.onboarding;

import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The plain fields of a multipart form (its files left out), as a url-encoded form's would be read. */
final class FormFields {

    private FormFields() {
    }

    static MultiValueMap<String, String> of(MultiValueMap<String, Part> parts) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        parts.forEach((name, values) -> values.stream().filter(FormFieldPart.class::isInstance)
                .forEach(part -> fields.add(name, ((FormFieldPart) part).value())));
        return fields;
    }
}
