package dev.ksefplatform.deploy;

import dev.ksefplatform.console.person.application.PersonRegistration;
import dev.ksefplatform.console.person.domain.NewPerson;
import dev.ksefplatform.console.person.domain.Role;
import java.time.Duration;

/**
 * The console's demo people of a local run: an operator and the demo tenant's manager, each with a password made
 * for this run only (never one fixed in code), printed once for the person at the keyboard.
 */
record DemoPeople(Login operator, Login manager) {

    record Login(String login, String password) {
        @Override
        public String toString() {
            return "Login[" + login + ", password=redacted]";
        }
    }

    static DemoPeople register(PlatformStack stack, PlatformClient.Tenant tenant) {
        PersonRegistration registration = stack.context(Apps.CONSOLE).getBean(PersonRegistration.class);
        String run = Long.toString(System.currentTimeMillis(), 36);
        DemoPeople people = new DemoPeople(new Login("operator-" + run, StackSettings.Secrets.password()),
                new Login("manager-" + run, StackSettings.Secrets.password()));
        register(registration, people.operator(), Role.OPERATOR, null);
        register(registration, people.manager(), Role.MANAGER, tenant.tenantId());
        return people;
    }

    void print(String consoleUrl) {
        System.out.println("Web console " + consoleUrl + "/login (logins of this run only):");
        System.out.println("  demo tenant's manager  " + manager.login() + " / " + manager.password());
        System.out.println("  platform operator      " + operator.login() + " / " + operator.password()
                + "   (Tenants -> Act for this tenant)");
    }

    private static void register(PersonRegistration registration, Login login, Role role, String tenantId) {
        registration.register(new NewPerson(login.login(), login.password(), role, tenantId)).block(Duration.ofSeconds(30));
    }
}
