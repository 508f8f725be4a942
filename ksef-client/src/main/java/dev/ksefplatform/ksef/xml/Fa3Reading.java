package dev.ksefplatform.ksef.xml;

import java.util.List;

/** What one pass over an FA(3) invoice found: the invoice's facts, or the first reason it cannot be one. */
public sealed interface Fa3Reading permits Fa3Reading.Valid, Fa3Reading.NotUtf8, Fa3Reading.OverLimit, Fa3Reading.Invalid {

    /** Empty for a valid document; otherwise what is wrong, by line and column where known. */
    List<XmlViolation> violations();

    /** Well formed, FA(3)-valid (occurrence bounds included), within the limits. */
    record Valid(InvoiceFacts facts) implements Fa3Reading {
        @Override
        public List<XmlViolation> violations() {
            return List.of();
        }
    }

    /** A byte order mark, a declared encoding other than UTF-8, or bytes that are not UTF-8. */
    record NotUtf8(String reason) implements Fa3Reading {
        @Override
        public List<XmlViolation> violations() {
            return List.of(new XmlViolation(0, 0, reason));
        }
    }

    /** Refused as soon as the document broke one of its {@link XmlLimits}; nothing after that point was read. */
    record OverLimit(XmlLimit limit, long max, XmlViolation where) implements Fa3Reading {
        @Override
        public List<XmlViolation> violations() {
            return List.of(where);
        }
    }

    /** Not well formed, or not valid against the schema; at most {@link XmlLimits#maxViolations()} of them. */
    record Invalid(List<XmlViolation> violations) implements Fa3Reading {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }
}
