package dev.ksefplatform.commandapi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.ksefplatform.commandapi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "io.r2dbc..",
                    "reactor..", "dev.ksefplatform.schemas..", "..application..", "..adapter..", "..api..");

    @ArchTest
    static final ArchRule applicationKnowsNoTechnology = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "io.r2dbc..",
                    "dev.ksefplatform.schemas..", "..adapter..", "..api..");

    @ArchTest
    static final ArchRule avroStopsAtTheKafkaAdapter = noClasses()
            .that().resideOutsideOfPackages("..adapter.kafka..", "dev.ksefplatform.commandapi.submission")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ksefplatform.schemas.v1..", "org.apache.avro..");
}
