package dev.ksefplatform.console.web;

import org.springframework.web.server.WebSession;

/** The tenant an operator acts for while the session lasts (or until the operator ends it). */
public record ActingFor(String tenantId, String tenantName) {

    private static final String ATTRIBUTE = "console.actingFor";

    public static ActingFor in(WebSession session) {
        return session.getAttribute(ATTRIBUTE);
    }

    public void keepIn(WebSession session) {
        session.getAttributes().put(ATTRIBUTE, this);
    }

    public static void endIn(WebSession session) {
        session.getAttributes().remove(ATTRIBUTE);
    }
}
