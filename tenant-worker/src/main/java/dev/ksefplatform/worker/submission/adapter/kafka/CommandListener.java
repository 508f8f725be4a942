package dev.ksefplatform.worker.submission.adapter.kafka;

import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.worker.submission.application.SubmitInvoiceHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/** Consumes {@code ksef.commands.v1} inside the container's Kafka transaction. */
public class CommandListener {

    private static final Logger log = LoggerFactory.getLogger(CommandListener.class);

    private final SubmitInvoiceHandler submissions;

    public CommandListener(SubmitInvoiceHandler submissions) {
        this.submissions = submissions;
    }

    // idIsGroup = false: the group stays spring.kafka.consumer.group-id ("tenant-worker"), not the listener id.
    @KafkaListener(id = "tenant-worker-commands", idIsGroup = false,
            topics = "#{T(dev.ksefplatform.schemas.topic.Topics).COMMANDS.name()}")
    public void on(ConsumerRecord<String, CommandEnvelope> record) {
        log.info("command received tenantId={} messageId={} partition={} offset={}", record.key(),
                record.value().getMessageId(), record.partition(), record.offset());
        submissions.handle(CommandMapper.submission(record.value()));
    }
}
