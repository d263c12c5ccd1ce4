package io.ocpi.adapter;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.ocpi.adapter.objects.OcpiModule;

/**
 * The layers of docs/architecture.md, checked on the compiled classes: each layer uses only the layers below it, no
 * two packages use each other, and the modules meet only through their objects' types and services, never through
 * another module's routes or descriptor.
 */
@AnalyzeClasses(packages = "io.ocpi.adapter", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "io.ocpi.adapter";
    private static final String[] SHARED_MODULE_PARTS = {
            ROOT + ".modules.pull..", ROOT + ".modules.versions..", ROOT + ".modules.asyncrequests.."};

    @ArchTest
    static final ArchRule eachLayerUsesOnlyTheLayersBelowIt = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("vocabulary").definedBy(ROOT + ".ocpi..")
            .layer("config").definedBy(ROOT + ".config..")
            .layer("registry").definedBy(ROOT + ".registry..")
            .layer("protocol").definedBy(ROOT + ".protocol..")
            .layer("store").definedBy(ROOT + ".store..")
            .layer("objects").definedBy(ROOT + ".objects..")
            .layer("push").definedBy(ROOT + ".push..")
            .layer("modules").definedBy(ROOT + ".modules..")
            .layer("application").definedBy(ROOT, ROOT + ".admin..", ROOT + ".bindings..", ROOT + ".probe..")
            .whereLayer("vocabulary").mayNotAccessAnyLayer()
            .whereLayer("config").mayOnlyAccessLayers("vocabulary")
            .whereLayer("registry").mayOnlyAccessLayers("vocabulary")
            .whereLayer("protocol").mayOnlyAccessLayers("vocabulary", "config", "registry")
            .whereLayer("store").mayOnlyAccessLayers("vocabulary", "config", "registry", "protocol")
            .whereLayer("objects").mayOnlyAccessLayers("vocabulary", "config", "registry", "protocol", "store")
            .whereLayer("push").mayOnlyAccessLayers("vocabulary", "config", "registry", "protocol", "store", "objects")
            .whereLayer("modules").mayOnlyAccessLayers("vocabulary", "config", "registry", "protocol", "store", "objects",
                    "push");

    @ArchTest
    static final ArchRule packagesUseEachOtherWithoutACycle = slices().matching(ROOT + ".(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule modulesUseEachOtherWithoutACycle = slices().matching(ROOT + ".modules.(*)..")
            .should().beFreeOfCycles();

    /**
     * Pulls and version details read the modules' descriptors, and the asynchronous-request cycle is told each module's
     * facts by the module, so that a new module changes none of them.
     */
    @ArchTest
    static final ArchRule sharedModulePartsNameNoModule = noClasses()
            .that().resideInAnyPackage(SHARED_MODULE_PARTS)
            .should().dependOnClassesThat(resideInAPackage(ROOT + ".modules..")
                    .and(not(resideInAnyPackage(SHARED_MODULE_PARTS))));

    @ArchTest
    static final ArchRule routesAndDescriptorsAreUsedOnlyInTheirModule = classes()
            .that().resideInAPackage(ROOT + ".modules..")
            .and(simpleNameEndingWith("Routes").or(assignableTo(OcpiModule.class)))
            .should(beUsedOnlyInTheirOwnPackage());

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only in their own package") {
            @Override
            public void check(JavaClass used, ConditionEvents events) {
                for (Dependency dependency : used.getDirectDependenciesToSelf()) {
                    if (!dependency.getOriginClass().getPackageName().equals(used.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
