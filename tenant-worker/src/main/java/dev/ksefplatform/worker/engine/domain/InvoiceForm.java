package dev.ksefplatform.worker.engine.domain;

/** KSeF's formCode triple. */
public record InvoiceForm(String systemCode, String schemaVersion, String value) {

    public static final InvoiceForm FA3 = new InvoiceForm("FA (3)", "1-0E", "FA");
}
