package dev.ksefplatform.console.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class InboxFilterTest {

    @Test
    void forwardsWhatAPersonTypesInTheFormCommandApiTakes() {
        InboxFilter filter = InboxFilter.of(request(Map.of("sellerNip", "526-587-76 35", "grossFrom", "1 234,5",
                "grossTo", "-", "issuedFrom", "01.10.2025", "issuedTo", "2025-10-31", "q", "  FA/ ", "subjectType", "Subject2")));

        assertThat(filter.errors()).containsOnlyKeys("grossTo");
        InboxFilter valid = InboxFilter.of(request(Map.of("sellerNip", "526-587-76 35", "grossFrom", "1 234,5",
                "issuedFrom", "01.10.2025", "issuedTo", "2025-10-31", "q", "  FA/ ", "subjectType", "Subject2")));
        assertThat(valid.valid()).isTrue();
        assertThat(valid.forwarded()).containsExactlyInAnyOrderEntriesOf(Map.of("sellerNip", "5265877635",
                "grossFrom", "1234.5", "issuedFrom", "2025-10-01", "issuedTo", "2025-10-31", "q", "FA/",
                "subjectType", "Subject2"));
    }

    @Test
    void refusesEachBadFieldWithItsMessageAndForwardsNothingThen() {
        InboxFilter filter = InboxFilter.of(request(Map.of("sellerNip", "12345", "issuedFrom", "31.02.2025",
                "grossFrom", "10.001", "subjectType", "Subject9", "q", "x".repeat(101))));

        assertThat(filter.valid()).isFalse();
        assertThat(filter.errors()).containsExactlyInAnyOrderEntriesOf(Map.of("sellerNip", "inbox.filter.error.nip",
                "issuedFrom", "inbox.filter.error.date", "grossFrom", "inbox.filter.error.amount",
                "subjectType", "inbox.filter.error.subjectType", "q", "inbox.filter.error.q"));
        assertThat(filter.entered()).containsEntry("sellerNip", "12345");
    }

    @Test
    void refusesRangesThatEndBeforeTheyStart() {
        InboxFilter filter = InboxFilter.of(request(Map.of("issuedFrom", "2025-10-02", "issuedTo", "2025-10-01",
                "grossFrom", "100", "grossTo", "99.99")));

        assertThat(filter.errors()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "issuedTo", "inbox.filter.error.dateOrder", "grossTo", "inbox.filter.error.amountOrder"));
    }

    @Test
    void ignoresEmptyFieldsAndWhatIsNotAFilter() {
        InboxFilter filter = InboxFilter.of(request(Map.of("sellerNip", " ", "q", "", "cursor", "abc", "other", "1")));

        assertThat(filter.valid()).isTrue();
        assertThat(filter.forwarded()).isEmpty();
        assertThat(filter.entered()).isEmpty();
    }

    private static LinkedMultiValueMap<String, String> request(Map<String, String> values) {
        var request = new LinkedMultiValueMap<String, String>();
        values.forEach(request::add);
        return request;
    }
}
