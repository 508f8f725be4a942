package dev.ksefplatform.sync.inbox.api;

import dev.ksefplatform.sync.inbox.application.InboxQueries.InboxPage;
import java.util.List;

/** One page of the inbox and the opaque cursor of the next one (null on the last page). */
public record InboxPageView(List<InboxInvoiceView> items, String nextCursor) {

    static InboxPageView of(InboxPage page) {
        return new InboxPageView(page.items().stream().map(InboxInvoiceView::of).toList(), page.nextCursor());
    }
}
