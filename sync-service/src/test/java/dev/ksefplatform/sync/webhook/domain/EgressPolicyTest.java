package dev.ksefplatform.sync.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EgressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "0.0.0.0", "::", "10.1.2.3", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "fe80::1", "fc00::1", "fd12:3456::1", "100.64.0.1", "224.0.0.1",
            "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "255.255.255.255"})
    void refusesLoopbackLinkLocalPrivateAndTheirIpv6Forms(String address) throws UnknownHostException {
        InetAddress refused = InetAddress.getByName(address);

        assertThat(EgressPolicy.isPublic(refused)).isFalse();
        assertThatThrownBy(() -> EgressPolicy.requirePublic("hooks.example", List.of(refused)))
                .isInstanceOf(EgressRefused.class).isInstanceOf(InvalidWebhook.class)
                .hasMessageContaining("hooks.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2001:4860:4860::8888",
            "::ffff:8.8.8.8"})
    void allowsPublicUnicast(String address) throws UnknownHostException {
        assertThat(EgressPolicy.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1"})
    void onePrivateAnswerAmongPublicOnesIsEnoughToRefuse(String address) throws UnknownHostException {
        List<InetAddress> answers = List.of(InetAddress.getByName("8.8.8.8"), InetAddress.getByName(address));

        assertThatThrownBy(() -> EgressPolicy.requirePublic("rebind.example", answers))
                .isInstanceOf(EgressRefused.class);
    }
}
