package dev.ksefplatform.worker.upo.application;

import dev.ksefplatform.worker.engine.application.EventEncoder.Encoded;
import dev.ksefplatform.worker.upo.domain.UpoFetch;

/** The feature's events on {@code ksef.events.v1}, encoded for the outbox. */
public interface UpoEvents {

    Encoded sentInvoiceStored(UpoFetch fetch, byte[] xml);

    Encoded upoReceived(UpoFetch fetch, byte[] upo);
}
