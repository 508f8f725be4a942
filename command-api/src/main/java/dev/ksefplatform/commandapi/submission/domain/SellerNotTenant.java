package dev.ksefplatform.commandapi.submission.domain;

/** A tenant may only submit invoices it issued itself (Podmiot1/NIP = its own NIP). */
public final class SellerNotTenant extends InvoiceRefused {

    public SellerNotTenant(String sellerNip) {
        super("the seller NIP " + sellerNip + " is not the tenant's NIP");
    }
}
