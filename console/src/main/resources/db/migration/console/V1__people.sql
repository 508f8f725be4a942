-- People who log in to the console: a tenant's users (VIEWER, MANAGER; tenant_id set) and the platform's operators
-- (OPERATOR; no tenant). Passwords are kept as Spring Security's delegating encoder writes them ({bcrypt}...).
CREATE TABLE console.people (
    person_id     uuid PRIMARY KEY,
    login         varchar(100) NOT NULL UNIQUE,
    password_hash varchar(200) NOT NULL,
    role          varchar(16)  NOT NULL CHECK (role IN ('VIEWER', 'MANAGER', 'OPERATOR')),
    tenant_id     uuid,
    failed_logins integer      NOT NULL DEFAULT 0,
    locked_until  timestamptz,
    created_at    timestamptz  NOT NULL,
    CHECK ((role = 'OPERATOR') = (tenant_id IS NULL))
);
