package dev.ksefplatform.ksef.client.crypto;

/** The {@code usage} values of MF public key certificates. */
public enum KeyUsage { KsefTokenEncryption, SymmetricKeyEncryption }
