package dev.ksefplatform.credentials.vault.domain;

/** Where master keys come from: configuration today, a KMS tomorrow. */
public interface MasterKeys {

    /** The version new envelopes are wrapped under. */
    MasterKey current();

    /** @throws UnknownMasterKey if this version is not available */
    MasterKey byVersion(int version);
}
