package dev.ksefplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.topic.Topics;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureIT {

    @Test
    void startsKafkaWithThePlatformTopics() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.get().bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.all().stream().map(t -> t.name()).toList())
                    .allTopicNames().get();
            assertThat(topics.get(Topics.EVENTS.name()).partitions()).hasSize(Topics.DEFAULT_PARTITIONS);
            var retention = admin.describeConfigs(java.util.List.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.EVENTS.name())))
                    .all().get().values().iterator().next().get("retention.ms").value();
            assertThat(retention).isEqualTo("-1");
        }
    }

    @Test
    void startsPostgresWithThePlatformDatabase() throws Exception {
        try (Connection connection = EmbeddedPostgres.get().connect();
             ResultSet rs = connection.createStatement().executeQuery("SELECT current_database(), version()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ksef");
            assertThat(rs.getString(2)).startsWith("PostgreSQL");
        }
    }
}
