package dev.ksefplatform.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.ksefplatform.support", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "org.apache.avro..", "io.r2dbc..", "reactor..", "dev.ksefplatform.schemas..");

    @ArchTest
    static final ArchRule kafkaAndAvroStayInTheKafkaAdapter = noClasses().that()
            .resideOutsideOfPackage("..adapter.kafka..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                    "dev.ksefplatform.schemas.v1..", "org.apache.avro..");

    @ArchTest
    static final ArchRule noAutoConfiguration = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.boot.autoconfigure..");
}
