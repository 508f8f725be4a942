package dev.ksefplatform.commandapi.audit.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a handler as an audit listing, so {@link AuditListingDocs} documents the listing's query parameters. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface AuditListingDoc {

    AuditListing value();
}
