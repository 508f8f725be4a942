package dev.ksefplatform.console.person.adapter.r2dbc;

import dev.ksefplatform.console.person.application.LoginTaken;
import dev.ksefplatform.console.person.application.People;
import dev.ksefplatform.console.person.domain.Person;
import dev.ksefplatform.console.person.domain.Role;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public final class R2dbcPeople implements People {

    private final DatabaseClient db;

    public R2dbcPeople(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Person> byLogin(String login) {
        return db.sql("SELECT person_id, login, password_hash, role, tenant_id, locked_until FROM console.people WHERE login = :login")
                .bind("login", login)
                .map(R2dbcPeople::person)
                .one();
    }

    @Override
    public Mono<Void> add(Person p, Instant createdAt) {
        var spec = db.sql("""
                        INSERT INTO console.people (person_id, login, password_hash, role, tenant_id, created_at)
                        VALUES (:id, :login, :hash, :role, :tenantId, :createdAt)""")
                .bind("id", UUID.fromString(p.id()))
                .bind("login", p.login())
                .bind("hash", p.passwordHash())
                .bind("role", p.role().name())
                .bind("createdAt", createdAt.atOffset(ZoneOffset.UTC));
        spec = p.tenantId() == null ? spec.bindNull("tenantId", UUID.class) : spec.bind("tenantId", UUID.fromString(p.tenantId()));
        return spec.then().onErrorMap(DuplicateKeyException.class, e -> new LoginTaken(p.login()));
    }

    @Override
    public Mono<Void> recordFailure(String login, Instant now, int maxFailures, Instant lockUntil) {
        return db.sql("""
                        UPDATE console.people SET
                            locked_until = CASE WHEN failed_logins + 1 >= :max THEN :lockUntil ELSE locked_until END,
                            failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END
                        WHERE login = :login AND (locked_until IS NULL OR locked_until <= :now)""")
                .bind("max", maxFailures)
                .bind("lockUntil", lockUntil.atOffset(ZoneOffset.UTC))
                .bind("login", login)
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .then();
    }

    @Override
    public Mono<Void> recordSuccess(String login) {
        return db.sql("UPDATE console.people SET failed_logins = 0 WHERE login = :login AND failed_logins > 0")
                .bind("login", login)
                .then();
    }

    private static Person person(Readable row) {
        UUID tenant = row.get("tenant_id", UUID.class);
        OffsetDateTime locked = row.get("locked_until", OffsetDateTime.class);
        return new Person(row.get("person_id", UUID.class).toString(), row.get("login", String.class),
                row.get("password_hash", String.class), Role.valueOf(row.get("role", String.class)),
                tenant == null ? null : tenant.toString(), locked == null ? null : locked.toInstant());
    }
}
