package dev.ksefplatform.credentials.session.adapter.ksef;

import dev.ksefplatform.credentials.session.application.KsefCredentialRejected;
import dev.ksefplatform.credentials.session.application.KsefSessions;
import dev.ksefplatform.credentials.session.application.KsefUnavailable;
import dev.ksefplatform.ksef.client.AuthSession;
import dev.ksefplatform.ksef.client.error.KsefException;
import java.util.List;

/** {@link KsefSessions} over ksef-client's {@code authSessions()}. */
public final class ClientKsefSessions implements KsefSessions {

    private final KsefClients clients;

    public ClientKsefSessions(KsefClients clients) {
        this.clients = clients;
    }

    @Override
    public List<String> otherActiveSessions(String environment, String contextNip, String accessToken) {
        try {
            return clients.inContext(environment, contextNip, () -> clients.forEnvironment(environment).authSessions().list(accessToken))
                    .stream()
                    .filter(session -> !session.current())
                    .map(AuthSession::referenceNumber)
                    .toList();
        } catch (KsefException e) {
            throw translate("auth session list", e);
        }
    }

    @Override
    public void revoke(String environment, String contextNip, String accessToken, String referenceNumber) {
        try {
            clients.inContext(environment, contextNip, () -> {
                clients.forEnvironment(environment).authSessions().revoke(accessToken, referenceNumber);
                return null;
            });
        } catch (KsefException e) {
            throw translate("auth session revocation", e);
        }
    }

    private static RuntimeException translate(String operation, KsefException e) {
        String status = e.httpStatus().isPresent() ? Integer.toString(e.httpStatus().getAsInt()) : "no response";
        return e.retryable() ? new KsefUnavailable("KSeF " + operation + " failed transiently (" + status + ")", e)
                : new KsefCredentialRejected("KSeF " + operation + " was refused (" + status + ")", e);
    }
}
