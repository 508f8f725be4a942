package dev.ksefplatform.commandapi.submission.adapter.kafka;

import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The gateway's own record mapping, for benchmarks that produce the same record without the gateway. */
public final class BenchRecords {

    private BenchRecords() {
    }

    public static ProducerRecord<String, CommandEnvelope> of(String topic, InvoiceSubmission submission) {
        return SubmitInvoiceRecords.of(topic, submission);
    }
}
