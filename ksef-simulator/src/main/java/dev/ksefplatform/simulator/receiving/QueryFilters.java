package dev.ksefplatform.simulator.receiving;

import dev.ksefplatform.simulator.error.KsefException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The spec's InvoiceQueryFilters, validated (21405), as a predicate over received invoices. */
record QueryFilters(String subjectType, DateRange dateRange, String ksefNumber, String invoiceNumber, String sellerNip,
                    BuyerIdentifier buyerIdentifier, List<String> currencyCodes, String invoicingMode,
                    List<String> invoiceTypes, String formType, Boolean hasAttachment, Boolean isSelfInvoicing) {

    private static final Set<String> SUBJECTS = Set.of("Subject1", "Subject2", "Subject3", "SubjectAuthorized");
    private static final Set<String> DATE_TYPES = Set.of("Issue", "Invoicing", "PermanentStorage");

    record DateRange(String dateType, OffsetDateTime from, OffsetDateTime to, Boolean restrictToPermanentStorageHwmDate) {
    }

    record BuyerIdentifier(String type, String value) {
    }

    void validate() {
        require(subjectType != null && SUBJECTS.contains(subjectType), "subjectType: wymagana wartość " + SUBJECTS + ".");
        require(dateRange != null && dateRange.dateType() != null && DATE_TYPES.contains(dateRange.dateType())
                && dateRange.from() != null, "dateRange: wymagane dateType i from.");
        if (dateRange.to() != null) {
            require(!dateRange.to().isBefore(dateRange.from()), "dateRange: from nie może być późniejsze niż to.");
            require(!dateRange.from().atZoneSameInstant(ZoneOffset.UTC).plusMonths(3).toInstant()
                    .isBefore(dateRange.to().toInstant()), "dateRange: maksymalny zakres to 3 miesiące.");
        }
    }

    boolean permanentStorage() {
        return "PermanentStorage".equals(dateRange.dateType());
    }

    boolean restrictedToHwm() {
        return Boolean.TRUE.equals(dateRange.restrictToPermanentStorageHwmDate());
    }

    /** The window's end: {@code to}, or now; never past the HWM when restricted to it (21183 when from is). */
    Instant end(Instant hwm) {
        Instant to = dateRange.to() == null ? hwm : dateRange.to().toInstant();
        if (restrictedToHwm() && permanentStorage()) {
            if (dateRange.from().toInstant().isAfter(hwm)) {
                throw new KsefException(21183, "Zakres filtrowania wykracza poza dostępny zakres danych.",
                        "Parametr dateRange.from jest późniejszy niż PermanentStorageHwmDate przy włączonym "
                                + "restrictToPermanentStorageHwmDate.");
            }
            return to.isAfter(hwm) ? hwm : to;
        }
        return to;
    }

    Predicate<ReceivedInvoice> matching(String contextNip, Instant end) {
        Instant from = dateRange.from().toInstant();
        return r -> subject(r, contextNip)
                && !r.date(dateRange.dateType()).isBefore(from) && !r.date(dateRange.dateType()).isAfter(end)
                && (ksefNumber == null || ksefNumber.equals(r.invoice().ksefNumber()))
                && (invoiceNumber == null || invoiceNumber.equals(r.invoice().invoiceNumber()))
                && (sellerNip == null || sellerNip.equals(r.invoice().sellerNip()))
                && (buyerIdentifier == null || buyer(r))
                && (currencyCodes == null || currencyCodes.isEmpty() || currencyCodes.contains(r.details().currency()))
                && (invoicingMode == null || invoicingMode.equals(r.invoice().invoicingMode()))
                && (invoiceTypes == null || invoiceTypes.isEmpty() || invoiceTypes.contains(r.details().invoiceType()))
                && (formType == null || "FA".equals(formType))
                && !Boolean.TRUE.equals(hasAttachment) && !Boolean.TRUE.equals(isSelfInvoicing);
    }

    private boolean subject(ReceivedInvoice r, String contextNip) {
        return switch (subjectType) {
            case "Subject1" -> contextNip.equals(r.invoice().sellerNip());
            case "Subject2" -> "Nip".equals(r.details().buyerType()) && contextNip.equals(r.details().buyerValue());
            default -> false; // third parties and authorised subjects are not modelled
        };
    }

    private boolean buyer(ReceivedInvoice r) {
        return buyerIdentifier.type() == null || buyerIdentifier.type().equals(r.details().buyerType())
                && (buyerIdentifier.value() == null || buyerIdentifier.value().equals(r.details().buyerValue()));
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw KsefException.validation(detail);
        }
    }
}
