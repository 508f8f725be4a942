package dev.ksefplatform.simulator.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.simulator.auth.Caller;
import dev.ksefplatform.simulator.auth.Login;
import dev.ksefplatform.simulator.fault.FaultInjector;
import dev.ksefplatform.simulator.invoice.AcceptedInvoices;
import dev.ksefplatform.simulator.invoice.InvoiceVerifier;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import dev.ksefplatform.simulator.shared.Workers;
import dev.ksefplatform.simulator.support.Invoices;
import dev.ksefplatform.simulator.upo.UpoStorage;
import dev.ksefplatform.simulator.upo.UpoWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchDecisionsTest {

    private static final String NIP = "5265877635";

    private final Workers workers = new Workers(3);
    private final AcceptedInvoices accepted = new AcceptedInvoices(new ReferenceNumbers(Clock.systemUTC()));
    private final InvoiceProcessor processor = new InvoiceProcessor(new InvoiceVerifier(Clock.systemUTC()), accepted,
            new UpoWriter(), new UpoStorage(new byte[32], Duration.ofHours(1), Clock.systemUTC()), workers,
            Duration.ZERO, new FaultInjector(), Clock.systemUTC());
    private final OnlineSession session = new OnlineSession("20250101-SB-0000000000-0000000000-00",
            new Caller(NIP, List.of("InvoiceWrite"), "AU", "EC", new Login(Login.TOKEN, "Nip", NIP, null)),
            Instant.now(), Instant.now().plusSeconds(3600), new byte[32], new byte[16], workers.lane());

    @AfterEach
    void stop() {
        workers.close();
        accepted.deleteDocuments();
    }

    @Test
    void onEveryCoreTheFirstOfTwoDuplicatesInFileOrderIsTheOneAccepted() {
        List<SessionInvoice> chunk = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int n = 0; n < 30; n++) {
                byte[] xml = Invoices.fa3(NIP, "DUP/" + n);
                contents.add(xml);
                chunk.add(session.addUnpacked(Instant.now(), ordinal -> new SessionInvoice(ordinal, "EE-" + ordinal,
                        "hash", Instant.now(), false, xml, "f" + ordinal + ".xml")));
            }
        }

        new BatchDecisions(processor, workers).decide(session, chunk, contents);

        assertThat(chunk.subList(0, 30)).extracting(i -> i.state().status().code()).containsOnly(200);
        assertThat(chunk.subList(30, 60)).extracting(i -> i.state().status().code()).containsOnly(440);
        assertThat(session.successfulCount()).isEqualTo(30);
        assertThat(session.failedCount()).isEqualTo(30);
    }
}
