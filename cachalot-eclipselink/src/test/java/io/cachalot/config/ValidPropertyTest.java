package io.cachalot.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.Cachalot;
import io.cachalot.CachalotProperties;
import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Valid values, written however a person may write them, start the unit and cachalot caches. */
@ParameterizedClass
@EnumSource(Database.class)
class ValidPropertyTest {

    private static final String AUTHORS = "SELECT a.name FROM Author a ORDER BY a.id";

    @Parameter
    Database database;

    TestUnit shared;

    @BeforeEach
    void setUp() {
        shared = TestUnit.on(database);
    }

    @ParameterizedTest(name = "{0}=[{1}]")
    @CsvSource(delimiter = '|', textBlock = """
        cachalot.enabled              | TRUE
        cachalot.enabled              | ' true '
        cachalot.infinispan.mode      | Embedded
        cachalot.max-rows             | ' 7 '
        cachalot.timeout              | 3600
        cachalot.cache-random         | False
        cachalot.invalidate-native    | true
        cachalot.uncachable-tables    | ' category , review '
        cachalot.only-cachable-tables | author
        cachalot.additional-tables    | legacy_stock
        cachalot.infinispan.config    | io/cachalot/infinispan/cachalot-local.xml
        cachalot.infinispan.servers   | localhost:11222
        """)
    void goodValueStartsTheUnitAndCaches(String property, String value) {
        try (TestUnit unit = TestUnit.withProperties(database, Map.of(property, value))) {
            Fixtures.library(shared);

            assertThat(twoRuns(unit)).containsExactly(1, 0);
        }
    }

    @Test
    void infinispanConfigurationFromAFileStartsItsOwnStore(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("my-infinispan.xml");
        try (InputStream builtIn = getClass().getClassLoader().getResourceAsStream(CachalotProperties.DEFAULT_EMBEDDED_CONFIG)) {
            Files.copy(builtIn, file);
        }
        try (TestUnit unit = TestUnit.withProperties(database, Map.of(CachalotProperties.INFINISPAN_CONFIG, file.toString()))) {
            Fixtures.library(shared);

            assertThat(twoRuns(unit)).containsExactly(1, 0);
            unit.write(em -> em.find(Author.class, 1L).setName("J.R.R. Tolkien"));
            List<String> names = new ArrayList<>();
            int statements = unit.countStatements(() -> names.addAll(unit.read(em -> em.createQuery(AUTHORS, String.class).getResultList())));
            assertThat(statements).isEqualTo(1);
            assertThat(names).startsWith("J.R.R. Tolkien");
        }
    }

    @Test
    void systemPropertyAppliesWhenTheUnitSetsNone() {
        System.setProperty(CachalotProperties.UNCACHABLE_TABLES, "author");
        try (TestUnit unit = TestUnit.withProperties(database, Map.of())) {
            Fixtures.library(shared);

            assertThat(twoRuns(unit)).containsExactly(1, 1);
        } finally {
            System.clearProperty(CachalotProperties.UNCACHABLE_TABLES);
        }
    }

    @Test
    void userSessionCustomizerRunsAndCachalotStillWorks() {
        try (TestUnit unit = TestUnit.withProperties(database,
                Map.of(CachalotProperties.SESSION_CUSTOMIZER, AddsNamedQueryCustomizer.class.getName()))) {
            Fixtures.library(shared);
            List<Integer> statements = new ArrayList<>();
            List<String> names = new ArrayList<>();

            for (int run = 0; run < 2; run++) {
                names.clear();
                statements.add(unit.countStatements(() -> names.addAll(unit.read(em ->
                        em.createNamedQuery(AddsNamedQueryCustomizer.QUERY, Author.class).getResultList()
                                .stream().map(Author::getName).toList()))));
            }

            assertThat(names).containsExactly("Tolkien", "Pratchett", "Le Guin");
            assertThat(statements).containsExactly(1, 0);
            assertThat(Cachalot.of(unit.factory()).persistenceUnit()).isNotBlank();
            unit.write(em -> em.find(Author.class, 2L).setName("Ursula K. Le Guin"));
            assertThat(unit.countStatements(() -> unit.read(em ->
                    em.createNamedQuery(AddsNamedQueryCustomizer.QUERY, Author.class).getResultList()))).isEqualTo(1);
        }
    }

    /** Statements reaching the database on two runs of the same JPQL, checking the rows each time. */
    private static List<Integer> twoRuns(TestUnit unit) {
        List<Integer> statements = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            List<String> names = new ArrayList<>();
            statements.add(unit.countStatements(() -> names.addAll(unit.read(em -> em.createQuery(AUTHORS, String.class).getResultList()))));
            assertThat(names).containsExactly("Tolkien", "Le Guin", "Pratchett");
        }
        return statements;
    }
}
