package dev.ksefplatform.audit.log.api;

import dev.ksefplatform.audit.log.application.AuditQueries.AuditPage;
import java.util.List;

/** One page of the audit log and the opaque cursor of the next one (null on the last page). */
public record AuditPageView(List<AuditEntryView> items, String nextCursor) {

    static AuditPageView of(AuditPage page) {
        return new AuditPageView(page.items().stream().map(AuditEntryView::of).toList(), page.nextCursor());
    }
}
