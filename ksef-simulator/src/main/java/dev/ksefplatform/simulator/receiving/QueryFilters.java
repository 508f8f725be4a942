package dev.ksefplatform.simulator.receiving;

import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.invoice.AcceptedInvoice;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The spec's InvoiceQueryFilters, validated (21405), as a predicate over accepted invoices. */
record QueryFilters(String subjectType, DateRange dateRange, String ksefNumber, String invoiceNumber, String sellerNip,
                    BuyerIdentifier buyerIdentifier, List<String> currencyCodes, String invoicingMode,
                    List<String> invoiceTypes, String formType, Boolean hasAttachment, Boolean isSelfInvoicing) {

    private static final Set<String> SUBJECTS = Set.of("Subject1", "Subject2", "Subject3", "SubjectAuthorized");
    private static final Set<String> DATE_TYPES = Set.of("Issue", "Invoicing", "PermanentStorage");
    static final String BEYOND_HWM_DETAIL = "Parametr dateRange.from jest późniejszy niż PermanentStorageHwmDate przy "
            + "włączonym restrictToPermanentStorageHwmDate.";

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
            if (startsPast(hwm)) {
                throw new KsefException(21183, "Zakres filtrowania wykracza poza dostępny zakres danych.",
                        BEYOND_HWM_DETAIL);
            }
            return to.isAfter(hwm) ? hwm : to;
        }
        return to;
    }

    /** A window restricted to the HWM that starts past it: 21183 for a query, status 420 for an export. */
    boolean startsPast(Instant hwm) {
        return restrictedToHwm() && permanentStorage() && dateRange.from().toInstant().isAfter(hwm);
    }

    /**
     * The {@code permanentStorageHwmDate} to show: only for {@code PermanentStorage}; for a window that ends before
     * the HWM ("older periods") the window's end, else the HWM.
     */
    Instant reportedHwm(Instant hwm) {
        if (!permanentStorage()) {
            return null;
        }
        return dateRange.to() != null && dateRange.to().toInstant().isBefore(hwm) ? dateRange.to().toInstant() : hwm;
    }

    String dateType() {
        return dateRange.dateType();
    }

    Instant from() {
        return dateRange.from().toInstant();
    }

    /** The instant a date type sorts and filters by; an issue date counts from its start in Warsaw. */
    static Instant dateOf(AcceptedInvoice invoice, String dateType) {
        return switch (dateType) {
            case "Issue" -> LocalDate.parse(invoice.issueDate()).atStartOfDay(ReferenceNumbers.WARSAW).toInstant();
            case "Invoicing" -> invoice.invoicingDate();
            default -> invoice.permanentStorageDate();
        };
    }

    Predicate<AcceptedInvoice> matching(String contextNip, Instant end) {
        Instant from = from();
        return i -> subject(i, contextNip)
                && !dateOf(i, dateType()).isBefore(from) && !dateOf(i, dateType()).isAfter(end)
                && (ksefNumber == null || ksefNumber.equals(i.ksefNumber()))
                && (invoiceNumber == null || invoiceNumber.equals(i.invoiceNumber()))
                && (sellerNip == null || sellerNip.equals(i.sellerNip()))
                && (buyerIdentifier == null || buyer(i))
                && (currencyCodes == null || currencyCodes.isEmpty() || currencyCodes.contains(i.details().currency()))
                && (invoicingMode == null || invoicingMode.equals(i.invoicingMode()))
                && (invoiceTypes == null || invoiceTypes.isEmpty() || invoiceTypes.contains(i.details().invoiceType()))
                && (formType == null || "FA".equals(formType))
                && !Boolean.TRUE.equals(hasAttachment) && !Boolean.TRUE.equals(isSelfInvoicing);
    }

    private boolean subject(AcceptedInvoice invoice, String contextNip) {
        return switch (subjectType) {
            case "Subject1" -> contextNip.equals(invoice.sellerNip());
            case "Subject2" -> contextNip.equals(invoice.buyerNip());
            default -> false; // third parties and authorised subjects are not modelled
        };
    }

    private boolean buyer(AcceptedInvoice invoice) {
        return buyerIdentifier.type() == null || buyerIdentifier.type().equals(invoice.details().buyerType())
                && (buyerIdentifier.value() == null || buyerIdentifier.value().equals(invoice.details().buyerValue()));
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw KsefException.validation(detail);
        }
    }
}
