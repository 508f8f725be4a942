package dev.ksefplatform.credentials.session.application;

import dev.ksefplatform.credentials.integration.domain.Cause;
import dev.ksefplatform.credentials.integration.domain.KsefCall;
import java.util.List;

/**
 * Told of the KSeF calls made for one context (a login, a query, a refresh) and their cause, once they are done. Must
 * not throw.
 */
@FunctionalInterface
public interface KsefCallAudit {

    KsefCallAudit NONE = (environment, contextNip, cause, calls) -> {
    };

    void recorded(String environment, String contextNip, Cause cause, List<KsefCall> calls);
}
