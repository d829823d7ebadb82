package io.cachalot.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.DisabledScope;
import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recipe of docs/cdi.md, {@link AuthorSummaries}: the application keeps its own cache of values derived from
 * the author table, and drops them when cachalot invalidates that table. The tests read with cachalot disabled,
 * so that every computation of the value reaches the database and is counted: a statement is a computation.
 */
@EnableWeld
class OtherCachesRecipeTest {

    TestUnit unit;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld().enableDiscovery()
            .addBeanClasses(AuthorSummaries.class))
            .setPersistenceUnitFactory(LibraryUnit.factory(() -> unit)).build();

    @Inject
    AuthorSummaries summaries;

    DisabledScope queryCacheOff;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(Database.H2);
        Fixtures.library(unit);
        queryCacheOff = unit.cachalot().disable();
    }

    @AfterEach
    void tearDown() {
        queryCacheOff.close();
    }

    @Test
    void theApplicationCacheIsDroppedWhenItsTableChanges() {
        assertThat(unit.countStatements(() -> assertThat(summaries.longestName()).isEqualTo("Pratchett"))).isEqualTo(1);
        assertThat(unit.countStatements(() -> assertThat(summaries.longestName()).isEqualTo("Pratchett"))).isZero();

        unit.write(em -> em.find(Author.class, 2L).setName("Ursula Kroeber Le Guin"));

        assertThat(unit.countStatements(() -> assertThat(summaries.longestName()).isEqualTo("Ursula Kroeber Le Guin")))
                .isEqualTo(1);
    }

    @Test
    void anUnrelatedWriteKeepsTheApplicationCache() {
        summaries.longestName();

        unit.write(em -> em.createNativeQuery("UPDATE publisher SET name = 'Gollancz Ltd' WHERE id = 2").executeUpdate());

        assertThat(unit.countStatements(summaries::longestName)).isZero();
    }
}
