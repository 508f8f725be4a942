package dev.ksefplatform.ksef.client;

import java.util.List;

/** Permission queries. */
public interface KsefPermissions {

    /** Every page of {@code POST /permissions/query/personal/grants}. */
    List<PersonalGrant> personalGrants(String accessToken);
}
