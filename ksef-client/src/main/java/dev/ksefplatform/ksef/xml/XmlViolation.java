package dev.ksefplatform.ksef.xml;

import org.xml.sax.SAXParseException;

/** One reason a document is not well formed or not schema-valid, with its position. */
public record XmlViolation(int line, int column, String message) {

    static XmlViolation of(SAXParseException e) {
        return new XmlViolation(e.getLineNumber(), e.getColumnNumber(), e.getMessage());
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
