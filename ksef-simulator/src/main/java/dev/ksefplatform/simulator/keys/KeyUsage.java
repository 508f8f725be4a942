package dev.ksefplatform.simulator.keys;

/** The two usages KSeF publishes, each with its own key. */
public enum KeyUsage {
    KsefTokenEncryption,
    SymmetricKeyEncryption
}
