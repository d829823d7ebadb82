package io.cachalot.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Book;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CDI bean of docs/quickstart.md ({@link BookImport}) in Weld SE, with the H2 test unit. */
@EnableWeld
class QuickstartCdiTest {

    private static final Function<EntityManager, List<String>> TITLES =
            em -> em.createQuery("SELECT b.title FROM Book b ORDER BY b.id", String.class).getResultList();

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld().enableDiscovery()
            .addBeanClasses(BookImport.class)).build();

    @Inject
    BookImport bookImport;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(Database.H2);
        Fixtures.library(unit);
        unit.read(TITLES);
        bookImport.changedTables().clear();
    }

    @Test
    void theInjectedApiInvalidatesAndTheObserverHearsOfIt() {
        assertThat(unit.countStatements(() -> unit.read(TITLES))).as("cached").isZero();

        bookImport.afterNightlyLoad();

        assertThat(unit.countStatements(() -> unit.read(TITLES))).isEqualTo(1);
        assertThat(bookImport.changedTables()).containsExactly("BOOK");
    }

    @Test
    void theObserverHearsOfEachTableACommitWrote() {
        unit.write(em -> em.find(Book.class, 1L).setTitle("The Hobbit, or There and Back Again"));

        assertThat(bookImport.changedTables()).containsExactly("BOOK");
    }
}
