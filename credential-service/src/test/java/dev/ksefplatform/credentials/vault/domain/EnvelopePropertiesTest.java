package dev.ksefplatform.credentials.vault.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.StringLength;

class EnvelopePropertiesTest {

    private final EnvelopeCipher cipher = new EnvelopeCipher(new FixedMasterKeys(1, 2), new SecureRandom());

    @Property(tries = 300)
    void noEnvelopeOpensUnderAnotherTenantsAssociatedData(@ForAll @NotEmpty byte[] secret,
                                                          @ForAll @AlphaChars @StringLength(min = 1, max = 20) String owner,
                                                          @ForAll @AlphaChars @StringLength(min = 1, max = 20) String other) {
        Assume.that(!owner.equals(other));
        Envelope envelope = cipher.seal(secret, new AssociatedData(owner, "KSEF_TOKEN", "TEST"));

        assertThat(cipher.open(envelope, new AssociatedData(owner, "KSEF_TOKEN", "TEST"))).isEqualTo(secret);
        assertThatThrownBy(() -> cipher.open(envelope, new AssociatedData(other, "KSEF_TOKEN", "TEST")))
                .isInstanceOf(EnvelopeRejected.class);
    }

    @Property(tries = 200)
    void fieldBoundariesCannotBeShiftedBetweenTenantAndKind(@ForAll @AlphaChars @StringLength(min = 2, max = 12) String tenant) {
        AssociatedData original = new AssociatedData(tenant, "KSEF_TOKEN", "TEST");
        AssociatedData shifted = new AssociatedData(tenant.substring(0, tenant.length() - 1),
                tenant.charAt(tenant.length() - 1) + "KSEF_TOKEN", "TEST");
        Envelope envelope = cipher.seal(new byte[] {1, 2, 3}, original);

        assertThatThrownBy(() -> cipher.open(envelope, shifted)).isInstanceOf(EnvelopeRejected.class);
    }
}
