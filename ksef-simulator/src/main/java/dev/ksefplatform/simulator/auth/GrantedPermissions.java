package dev.ksefplatform.simulator.auth;

import java.util.List;

/** Permissions granted (through {@code /testdata/permissions}) to an identifier in a NIP context. */
public interface GrantedPermissions {

    List<String> in(String contextNip, String holderType, String holderValue);
}
