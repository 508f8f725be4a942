package dev.ksefplatform.ksef.client;

/** The schema an online session accepts. */
public record FormCode(String systemCode, String schemaVersion, String value) {

    public static final FormCode FA3 = new FormCode("FA (3)", "1-0E", "FA");
}
