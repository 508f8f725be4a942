package dev.ksefplatform.sync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.context.annotation.Configuration;

@AnalyzeClasses(packages = "dev.ksefplatform.sync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "org.apache.avro..", "io.r2dbc..", "reactor..", "dev.ksefplatform.schemas..", "java.net.http..");

    @ArchTest
    static final ArchRule avroStopsAtTheKafkaAdapter = noClasses().that().resideOutsideOfPackage("..adapter.kafka..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ksefplatform.schemas.v1..", "org.apache.avro..");

    /** Wiring (a feature's one {@code @Configuration}) may name the Kafka beans it hands to its adapters. */
    @ArchTest
    static final ArchRule kafkaStaysInItsAdapter = noClasses().that().resideOutsideOfPackage("..adapter.kafka..")
            .and().resideOutsideOfPackage("dev.ksefplatform.sync.projection")
            .and().areNotAnnotatedWith(Configuration.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");
}
