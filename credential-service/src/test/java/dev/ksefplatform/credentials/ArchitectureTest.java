package dev.ksefplatform.credentials;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.ksefplatform.credentials", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.r2dbc..",
                    "org.apache.kafka..", "org.apache.avro..", "dev.ksefplatform.schemas..", "java.net.http..",
                    "reactor..", "dev.ksefplatform.ksef.client..", "io.micrometer..", "org.slf4j..");

    @ArchTest
    static final ArchRule avroStaysInTheKafkaAdapter = noClasses().that().resideOutsideOfPackage("..adapter.kafka..")
            .and().haveSimpleNameNotEndingWith("Configuration")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ksefplatform.schemas.v1..", "org.apache.avro..");

    @ArchTest
    static final ArchRule ksefClientStaysInTheKsefAdapter = noClasses().that().resideOutsideOfPackage("..adapter.ksef..")
            .should().dependOnClassesThat().resideInAPackage("dev.ksefplatform.ksef.client..");

    @ArchTest
    static final ArchRule applicationDoesNotKnowAdapters = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAPackage("..adapter..");
}
