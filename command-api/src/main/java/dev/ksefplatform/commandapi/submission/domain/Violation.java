package dev.ksefplatform.commandapi.submission.domain;

/** One thing wrong with a document, where the parser found it. */
public record Violation(int line, int column, String message) {
}
