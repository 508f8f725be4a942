package dev.ksefplatform.worker.upo.adapter.jdbc;

import dev.ksefplatform.worker.engine.adapter.jdbc.PartitionFence;
import dev.ksefplatform.worker.engine.adapter.jdbc.Sql;
import dev.ksefplatform.worker.engine.application.EventEncoder.Encoded;
import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import dev.ksefplatform.worker.outbox.adapter.jdbc.OutboxWriter;
import dev.ksefplatform.worker.upo.application.UpoStore;
import dev.ksefplatform.worker.upo.application.UpoStore.Published;
import dev.ksefplatform.worker.upo.domain.UpoFetch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link UpoStore} over {@code worker.upo_fetches}; a write by an instance that lost the partition is a no-op. */
public class JdbcUpoStore implements UpoStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OutboxWriter outbox;

    /** @param outbox writes a transaction's events and wakes the relay after its commit */
    public JdbcUpoStore(JdbcTemplate jdbc, TransactionTemplate tx, OutboxWriter outbox) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbox = outbox;
    }

    /**
     * Each owned partition's earliest {@code limit} due rows in the order of {@code upo_fetches_due}, the earliest
     * {@code limit} of those: bounded by partitions × {@code limit}. {@code partition = ANY (…) ORDER BY not_before}
     * cannot be read in index order, so it sorted every due row: 14–18 ms a call with 2,400 pending (issue #8).
     */
    @Override
    public List<UpoFetch> due(Collection<Integer> partitions, int limit, Instant now) {
        return jdbc.query("""
                SELECT f.* FROM unnest(?::integer[]) AS p(partition) CROSS JOIN LATERAL (
                       SELECT command_id, tenant_id, correlation_id, actor_type, actor_id, actor_on_behalf_of,
                              environment, context_nip, partition, ksef_number, invoice_number, invoice_hash,
                              session_ref, invoice_ref, acquired_at, upo_url, integration_id, provider_nip,
                              document_stored, attempts, created_at, not_before
                         FROM worker.upo_fetches
                        WHERE state = 'PENDING' AND partition = p.partition AND not_before <= ?
                        ORDER BY not_before LIMIT ?) f
                 ORDER BY f.not_before LIMIT ?""", (rs, n) -> fetch(rs),
                partitions.toArray(Integer[]::new), Timestamp.from(now), limit, limit);
    }

    private static UpoFetch fetch(ResultSet rs) throws SQLException {
        String actorType = rs.getString("actor_type");
        CommandRef ref = new CommandRef(rs.getString("command_id"), rs.getString("tenant_id"),
                rs.getString("correlation_id"), actorType == null ? null
                : new CommandRef.Actor(actorType, rs.getString("actor_id"), rs.getString("actor_on_behalf_of")));
        LaneKey lane = new LaneKey(ref.tenantId(), rs.getString("environment"), rs.getString("context_nip"),
                rs.getInt("partition"));
        Timestamp acquired = rs.getTimestamp("acquired_at");
        return new UpoFetch(ref, lane, rs.getString("ksef_number"), rs.getString("invoice_number"),
                rs.getString("invoice_hash"), rs.getString("session_ref"), rs.getString("invoice_ref"),
                acquired == null ? null : acquired.toInstant(), rs.getString("upo_url"), rs.getString("integration_id"),
                rs.getString("provider_nip"), rs.getBoolean("document_stored"), rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant());
    }

    @Override
    public byte[] sentXml(String commandId) {
        List<byte[]> xml = jdbc.query(Sql.binaryResults("SELECT xml FROM worker.upo_fetches WHERE command_id = ?",
                commandId), (rs, n) -> rs.getBytes(1));
        return xml.isEmpty() ? null : xml.get(0);
    }

    @Override
    public Map<String, byte[]> sentXml(Collection<String> commandIds) {
        Map<String, byte[]> xml = new HashMap<>();
        jdbc.query(Sql.binaryResults("SELECT command_id, xml FROM worker.upo_fetches WHERE command_id = ANY (?)"
                        + " AND xml IS NOT NULL", (Object) commandIds.toArray(String[]::new)),
                (RowCallbackHandler) rs -> xml.put(rs.getString(1), rs.getBytes(2)));
        return xml;
    }

    @Override
    public void documentsStored(List<Published> rows, String owner) {
        owned(rows, owner, kept -> jdbc.update(
                "UPDATE worker.upo_fetches SET document_stored = true, xml = NULL WHERE command_id = ANY (?)",
                (Object) commandIds(kept)));
    }

    @Override
    public void uposStored(List<Published> rows, String owner) {
        owned(rows, owner, kept -> jdbc.update("""
                UPDATE worker.upo_fetches f SET state = 'DONE', done_at = now(), upo_url = u.upo_url,
                       attempts = f.attempts + 1, last_error = NULL
                  FROM unnest(?::varchar[], ?::text[]) AS u(command_id, upo_url)
                 WHERE f.command_id = u.command_id AND f.state = 'PENDING'""", commandIds(kept),
                kept.stream().map(r -> r.fetch().upoUrl()).toArray(String[]::new)));
    }

    private static String[] commandIds(List<Published> rows) {
        return rows.stream().map(r -> r.fetch().ref().commandId()).toArray(String[]::new);
    }

    @Override
    public void documentStored(UpoFetch fetch, Encoded event, String owner) {
        owned(fetch, owner, event, () -> jdbc.update(
                "UPDATE worker.upo_fetches SET document_stored = true, xml = NULL WHERE command_id = ?",
                fetch.ref().commandId()));
    }

    @Override
    public void later(UpoFetch fetch, Instant notBefore, String upoUrl, String error, String owner) {
        owned(fetch, owner, null, () -> jdbc.update("""
                UPDATE worker.upo_fetches SET not_before = ?, upo_url = ?, last_error = ?, attempts = attempts + 1
                 WHERE command_id = ? AND state = 'PENDING'""", Timestamp.from(notBefore), upoUrl,
                error == null ? null : error.substring(0, Math.min(error.length(), 1000)), fetch.ref().commandId()));
    }

    @Override
    public void lost(UpoFetch fetch, String error, String owner) {
        owned(fetch, owner, null, () -> jdbc.update("""
                UPDATE worker.upo_fetches SET state = 'LOST', lost_at = now(), last_error = ?, attempts = attempts + 1
                 WHERE command_id = ? AND state = 'PENDING'""",
                error == null ? null : error.substring(0, Math.min(error.length(), 1000)), fetch.ref().commandId()));
    }

    /**
     * One statement for a whole page of the list: a batch of single-row updates cost the server one execution and
     * one plan per invoice (0.81 calls and 0.17 ms of PostgreSQL per invoice in the cost benchmark, issue #8).
     */
    @Override
    public void listed(String sessionRef, Map<String, Listed> byInvoiceHash) {
        if (byInvoiceHash.isEmpty()) {
            return;
        }
        List<String> hashes = new ArrayList<>(byInvoiceHash.keySet());
        jdbc.update("""
                UPDATE worker.upo_fetches f SET invoice_ref = l.invoice_ref, upo_url = l.upo_url
                  FROM unnest(?::text[], ?::text[], ?::text[]) AS l(invoice_hash, invoice_ref, upo_url)
                 WHERE f.session_ref = ? AND f.invoice_hash = l.invoice_hash AND f.state = 'PENDING'""",
                hashes.toArray(String[]::new),
                hashes.stream().map(h -> byInvoiceHash.get(h).invoiceRef()).toArray(String[]::new),
                hashes.stream().map(h -> byInvoiceHash.get(h).upoUrl()).toArray(String[]::new), sessionRef);
    }

    /**
     * One transaction for rows of several partitions: each partition's ownership held and checked once
     * ({@code PartitionFence}, in partition order), the rows of partitions this instance no longer owns left as they are (a write by an instance
     * that lost the partition is a no-op), the others changed and their events written in one batch (the writer wakes
     * the relay after the commit).
     */
    private void owned(List<Published> rows, String owner, Consumer<List<Published>> change) {
        if (rows.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            Set<Integer> mine = PartitionFence.held(jdbc,
                    rows.stream().map(r -> r.fetch().lane().partition()).toList(), owner);
            List<Published> kept = rows.stream().filter(r -> mine.contains(r.fetch().lane().partition())).toList();
            if (kept.isEmpty()) {
                return;
            }
            change.accept(kept);
            outbox.writeRows(kept.stream().filter(r -> r.event() != null)
                    .map(r -> new OutboxWriter.Row(r.fetch().lane().partition(), r.event())).toList());
        });
    }

    /** The same for one row. */
    private void owned(UpoFetch fetch, String owner, Encoded event, Runnable change) {
        owned(List.of(new Published(fetch, event)), owner, kept -> change.run());
    }
}
