package dev.ksefplatform.worker.engine.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListPagesTest {

    @Test
    void followsAListToItsEnd() {
        ListPages pages = new ListPages();

        assertThat(pages.next("t1")).isEqualTo("t1");
        assertThat(pages.next("t2")).isEqualTo("t2");
        assertThat(pages.next(null)).isNull();
    }

    @Test
    void aTokenGivenTwiceIsAFailedCallNotAnEndOfTheList() {
        ListPages pages = new ListPages();
        pages.next("t1");
        pages.next("t2");

        assertThatThrownBy(() -> pages.next("t1")).isInstanceOf(KsefFailure.Unavailable.class)
                .hasMessageContaining("did not end after 3 pages");
    }

    @Test
    void aSessionsWholeListFitsButNotOnePageMore() {
        ListPages pages = new ListPages();
        for (int page = 1; page < ListPages.MAX_PAGES; page++) {
            assertThat(pages.next("t" + page)).isEqualTo("t" + page);
        }
        assertThat(new ListPages().next(null)).isNull();

        assertThatThrownBy(() -> pages.next("t-last")).isInstanceOf(KsefFailure.Unavailable.class);
    }
}
