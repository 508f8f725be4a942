package dev.ksefplatform.credentials.session.application;

import java.util.List;

/** The context's KSeF authentication sessions ({@code /auth/sessions}). Blocking; call it off the event loop. */
public interface KsefSessions {

    /** Reference numbers of the context's active sessions other than the one {@code accessToken} belongs to. */
    List<String> otherActiveSessions(String environment, String contextNip, String accessToken);

    /** The session's refresh token stops working; access tokens it issued live until they expire. */
    void revoke(String environment, String contextNip, String accessToken, String referenceNumber);
}
