package dev.ksefplatform.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.ksefplatform.worker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "org.apache.avro..", "dev.ksefplatform.schemas..", "java.net..", "reactor..",
                    "com.fasterxml.jackson..", "dev.ksefplatform.ksef..", "..application..", "..adapter..");

    /** The schemas' message formats and transport, not their logging keys (a convention, {@code schemas.logging}). */
    @ArchTest
    static final ArchRule applicationKnowsNoTechnology = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "org.apache.avro..", "dev.ksefplatform.schemas.v1..", "dev.ksefplatform.schemas.serde..",
                    "dev.ksefplatform.schemas.topic..", "dev.ksefplatform.schemas.compat..", "java.net..",
                    "dev.ksefplatform.ksef..", "..adapter..");

    @ArchTest
    static final ArchRule avroStaysInTheKafkaAdapter = noClasses().that()
            .resideOutsideOfPackage("..adapter.kafka..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ksefplatform.schemas.v1..", "org.apache.avro..");

    @ArchTest
    static final ArchRule ksefClientStaysInTheKsefAdapter = noClasses().that()
            .resideOutsideOfPackage("..adapter.ksef..")
            .should().dependOnClassesThat().resideInAPackage("dev.ksefplatform.ksef.client..");

    @ArchTest
    static final ArchRule noImplSuffix = noClasses().should().haveSimpleNameEndingWith("Impl");
}
