package dev.ksefplatform.console.inbox.fa3;

import static dev.ksefplatform.console.inbox.fa3.Elements.child;
import static dev.ksefplatform.console.inbox.fa3.Elements.text;

import dev.ksefplatform.console.inbox.fa3.ReceivedInvoice.Address;
import dev.ksefplatform.console.inbox.fa3.ReceivedInvoice.Party;
import org.w3c.dom.Element;

/** {@code Podmiot1} (the seller: always a NIP) and {@code Podmiot2} (the buyer: NIP, EU VAT number, other id or none). */
final class Parties {

    private Parties() {
    }

    static Party seller(Element podmiot) {
        Element data = child(podmiot, "DaneIdentyfikacyjne");
        return new Party("NIP", text(data, "NIP"), text(data, "Nazwa"), address(child(podmiot, "Adres")));
    }

    static Party buyer(Element podmiot) {
        Element data = child(podmiot, "DaneIdentyfikacyjne");
        String name = text(data, "Nazwa");
        Address address = address(child(podmiot, "Adres"));
        if (text(data, "NIP") != null) {
            return new Party("NIP", text(data, "NIP"), name, address);
        }
        if (text(data, "NrVatUE") != null) {
            return new Party("VAT_UE", text(data, "KodUE") + text(data, "NrVatUE"), name, address);
        }
        if (text(data, "NrID") != null) {
            String country = text(data, "KodKraju");
            return new Party("OTHER", (country == null ? "" : country + " ") + text(data, "NrID"), name, address);
        }
        return new Party(text(data, "BrakID") != null ? "NONE" : null, null, name, address);
    }

    private static Address address(Element address) {
        return address == null ? null
                : new Address(text(address, "KodKraju"), text(address, "AdresL1"), text(address, "AdresL2"));
    }
}
