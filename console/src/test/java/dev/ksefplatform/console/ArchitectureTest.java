package dev.ksefplatform.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.ksefplatform.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "io.r2dbc..", "reactor..", "..application..", "..adapter..");

    /** The password encoder and a properties record are Spring's; web and database are not the application's. */
    @ArchTest
    static final ArchRule applicationKnowsNoWebOrDatabase = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.r2dbc..", "io.r2dbc..", "..adapter..");

    /** Reading an FA(3) document is plain Java, whatever page shows it. */
    @ArchTest
    static final ArchRule fa3ReadingIsPlainJava = noClasses().that().resideInAPackage("..inbox.fa3..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..");

    /** The console reads the platform only through command-api's REST API, in one place. */
    @ArchTest
    static final ArchRule onlyTheCommandApiClientCallsOut = noClasses()
            .that().resideOutsideOfPackage("dev.ksefplatform.console.commandapi..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.reactive.function.client..",
                    "reactor.netty.http.client..");
}
