package dev.ksefplatform.worker.inbox.adapter.ksef;

import dev.ksefplatform.ksef.client.IncrementalSync;
import dev.ksefplatform.ksef.client.InvoiceQuery.SubjectType;
import dev.ksefplatform.ksef.client.SyncCheckpoint;
import dev.ksefplatform.ksef.client.SyncResult;
import dev.ksefplatform.ksef.client.error.KsefException;
import dev.ksefplatform.ksef.client.error.KsefExportFailedException;
import dev.ksefplatform.worker.engine.adapter.ksef.ClientKsef;
import dev.ksefplatform.worker.engine.adapter.ksef.KsefEnvironments;
import dev.ksefplatform.worker.engine.application.AccessToken;
import dev.ksefplatform.worker.engine.application.KsefBudget;
import dev.ksefplatform.worker.engine.application.KsefFailure;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import dev.ksefplatform.worker.inbox.application.InboxKsef;
import dev.ksefplatform.worker.inbox.domain.Checkpoint;
import dev.ksefplatform.worker.inbox.domain.ReceivedInvoice;
import dev.ksefplatform.worker.inbox.domain.Window;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link InboxKsef} over ksef-client's {@link IncrementalSync}, one window per call, exports within the budget. */
public class ClientInboxKsef implements InboxKsef {

    private final KsefEnvironments environments;
    private final ClientKsef ksef;
    private final KsefBudget budget;
    private final Duration exportTimeout;
    private final Clock clock;

    public ClientInboxKsef(KsefEnvironments environments, ClientKsef ksef, KsefBudget budget, Duration exportTimeout,
                           Clock clock) {
        this.environments = environments;
        this.ksef = ksef;
        this.budget = budget;
        this.exportTimeout = exportTimeout;
        this.clock = clock;
    }

    @Override
    public Window window(LaneKey lane, AccessToken token, String subjectType, Checkpoint from) {
        if (budget.needsSeed(lane)) {
            ksef.seedBudget(lane, token);
        }
        BudgetedExports exports = new BudgetedExports(environments.client(lane.environment()).invoiceExports(), budget,
                lane, clock);
        List<ReceivedInvoice> invoices = new ArrayList<>();
        try {
            SyncResult result = new IncrementalSync(exports, exportTimeout, 1, clock).run(token.value(),
                    SubjectType.valueOf(subjectType), new SyncCheckpoint(from.from(), from.receivedAtFrom()),
                    (m, xml) -> invoices.add(new ReceivedInvoice(m.ksefNumber(), m.sellerNip(), m.invoiceNumber(),
                            m.issueDate(), m.permanentStorageDate(), xml)));
            return new Window(invoices, new Checkpoint(result.next().from(), result.next().receivedAtFrom()),
                    result.more());
        } catch (KsefExportFailedException e) {
            throw new KsefFailure.Unavailable("KSeF export ended with status " + e.statusCode() + ": "
                    + e.getMessage(), null, null, e);
        } catch (KsefException e) {
            throw ClientKsef.translate(e);
        }
    }
}
