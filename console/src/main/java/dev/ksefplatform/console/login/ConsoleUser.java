package dev.ksefplatform.console.login;

import dev.ksefplatform.console.person.domain.Person;
import dev.ksefplatform.console.person.domain.Role;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in person, as the session keeps it: its password hash is dropped once the login succeeded (LoginOutcomes). */
public final class ConsoleUser implements UserDetails, CredentialsContainer {

    private final String personId;
    private final String login;
    private final Role role;
    private final String tenantId;
    private final boolean locked;
    private String passwordHash;

    ConsoleUser(Person person, boolean locked) {
        this.personId = person.id();
        this.login = person.login();
        this.role = person.role();
        this.tenantId = person.tenantId();
        this.passwordHash = person.passwordHash();
        this.locked = locked;
    }

    public String personId() {
        return personId;
    }

    public Role role() {
        return role;
    }

    /** The person's own tenant; null for an operator. */
    public String tenantId() {
        return tenantId;
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return login;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
