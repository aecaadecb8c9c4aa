package dev.sparkjdbc.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The driver's packages follow the data flow, and a package uses only those below it: the allowed
 * uses are listed here, once, and every other dependency between the driver's packages fails this
 * test. The translator ({@code dev.sparkjdbc.plan}), the type table ({@code dev.sparkjdbc.types})
 * and the protocol ({@code dev.sparkjdbc.proto}) are modules below the driver, open to every
 * package. docs/architecture.md describes each package.
 */
class LayeringTest {
  private static final String ROOT = "dev.sparkjdbc.jdbc";

  /** Each package of the driver, and the driver packages it may use. */
  private static final Map<String, List<String>> MAY_USE = new LinkedHashMap<>();

  static {
    MAY_USE.put("errors", List.of());
    MAY_USE.put("config", List.of("errors"));
    MAY_USE.put("client", List.of("errors", "config"));
    MAY_USE.put("result.accessor", List.of("errors"));
    MAY_USE.put("result", List.of("errors", "client", "result.accessor"));
    MAY_USE.put("statement", List.of("errors"));
    MAY_USE.put(
        "metadata",
        List.of("errors", "config", "client", "result", "result.accessor", "statement"));
    MAY_USE.put("pool", List.of("errors"));
  }

  private static JavaClasses classes;

  @BeforeAll
  static void importDriver() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);
  }

  static Stream<String> packages() {
    return MAY_USE.keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("packages")
  void usesOnlyThePackagesBelowIt(String pkg) {
    String[] forbidden =
        Stream.concat(
                Stream.of(ROOT),
                MAY_USE.keySet().stream()
                    .filter(other -> !other.equals(pkg) && !MAY_USE.get(pkg).contains(other))
                    .map(other -> ROOT + "." + other))
            .toArray(String[]::new);
    noClasses()
        .that()
        .resideInAPackage(ROOT + "." + pkg)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden)
        .because(pkg + " may use only " + MAY_USE.get(pkg))
        .check(classes);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void everyPackageIsListed() {
    classes.stream()
        .map(c -> c.getPackageName())
        .filter(p -> !p.equals(ROOT))
        .map(p -> p.substring(ROOT.length() + 1))
        .distinct()
        .forEach(
            p -> {
              if (!MAY_USE.containsKey(p)) {
                throw new AssertionError(
                    "Package " + ROOT + "." + p + " has no entry in LayeringTest.MAY_USE");
              }
            });
  }
}
