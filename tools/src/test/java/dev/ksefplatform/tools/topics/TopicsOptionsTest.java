package dev.ksefplatform.tools.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicsOptionsTest {

    @Test
    void readsEveryOption(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("admin.properties"), "security.protocol=SASL_SSL\n");

        TopicsOptions options = TopicsOptions.parse(new String[] {"check", "--bootstrap", "kafka:9092",
                "--partitions", "24", "--replication-factor", "3", "--command-config", config.toString()});

        assertThat(options.create()).isFalse();
        assertThat(options.partitions()).isEqualTo(24);
        assertThat(options.replicationFactor()).isEqualTo(3);
        assertThat(options.adminProperties()).containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void eachUpstreamSystemAddsItsIngressTopicAndItsDeadLetters() {
        TopicsOptions options = TopicsOptions.parse(new String[] {"create", "--bootstrap", "k:1",
                "--upstream", "erp-acme", "--upstream", "billing2"});

        assertThat(options.topics()).extracting(d -> d.name()).contains("ksef.commands.v1", "ksef.events.v1",
                "ksef.ingress.erp-acme.v1", "ksef.ingress.erp-acme.v1-dlt", "ksef.ingress.billing2.v1",
                "ksef.ingress.billing2.v1-dlt");
        assertThatThrownBy(() -> TopicsOptions.parse(new String[] {"create", "--bootstrap", "k:1", "--upstream", "ERP.x"}))
                .hasMessageContaining("[a-z0-9-]");
    }

    @Test
    void refusesMissingBootstrapUnknownOptionsAndBadCounts() {
        assertThatThrownBy(() -> TopicsOptions.parse(new String[] {"create"})).hasMessageContaining("--bootstrap");
        assertThatThrownBy(() -> TopicsOptions.parse(new String[] {"create", "--bootstrap", "k:1", "--force", "x"}))
                .hasMessageContaining("unknown option --force");
        assertThatThrownBy(() -> TopicsOptions.parse(new String[] {"create", "--bootstrap", "k:1", "--partitions", "0"}))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> TopicsOptions.parse(new String[] {"delete", "--bootstrap", "k:1"}))
                .hasMessageContaining("create or check");
    }

    @Test
    void aUsageErrorExitsWithTwoAndSaysWhy() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = TopicsCommand.run(new String[] {"check"}, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(TopicsCommand.USAGE);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("error --bootstrap is required");
    }
}
