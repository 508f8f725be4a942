package dev.ksefplatform.commandapi.submission.domain;

import dev.ksefplatform.ksef.xml.XmlViolation;

/** One thing wrong with a document, where the parser found it. */
public record Violation(int line, int column, String message) {

    static Violation of(XmlViolation v) {
        return new Violation(v.line(), v.column(), v.message());
    }
}
