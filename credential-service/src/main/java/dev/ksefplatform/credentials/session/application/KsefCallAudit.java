package dev.ksefplatform.credentials.session.application;

import dev.ksefplatform.credentials.integration.domain.KsefCall;
import java.util.List;

/** Told of the KSeF calls made for one context (a login, a query, a refresh), once they are done. Must not throw. */
@FunctionalInterface
public interface KsefCallAudit {

    KsefCallAudit NONE = (environment, contextNip, calls) -> {
    };

    void recorded(String environment, String contextNip, List<KsefCall> calls);
}
