package io.cachalot.uncachable;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code cachalot.enabled=false}: nothing is served or stored, but writes still invalidate for everyone. */
@ParameterizedClass
@EnumSource(Database.class)
class DisabledUnitTest {

    @Parameter
    Database database;

    TestUnit shared;
    TestUnit disabled;

    @BeforeEach
    void setUp() {
        shared = TestUnit.on(database);
        disabled = TestUnit.withProperties(database, Map.of(CachalotProperties.ENABLED, "false"));
        Fixtures.library(shared);
    }

    @AfterEach
    void tearDown() {
        disabled.close();
    }

    @Test
    void disabledUnitIsNotServedWhatAnotherUnitStored() {
        shared.read(DisabledUnitTest::authorNames);
        assertThat(shared.countStatements(() -> shared.read(DisabledUnitTest::authorNames))).isZero();

        for (int run = 1; run <= 2; run++) {
            List<String> names = new ArrayList<>();
            int statements = disabled.countStatements(() -> names.addAll(disabled.read(DisabledUnitTest::authorNames)));

            assertThat(statements).as("run " + run).isEqualTo(1);
            assertThat(names).containsExactly("Tolkien", "Le Guin", "Pratchett");
        }
    }

    @Test
    void disabledUnitStoresNothingForOtherUnits() {
        disabled.read(DisabledUnitTest::authorNames);
        disabled.read(em -> em.find(Author.class, 1L));

        int statements = shared.countStatements(() -> {
            shared.read(DisabledUnitTest::authorNames);
            shared.read(em -> em.find(Author.class, 1L));
        });

        assertThat(statements).isEqualTo(2);
    }

    @Test
    void committedWriteThroughTheDisabledUnitInvalidatesOtherUnits() {
        shared.read(DisabledUnitTest::authorNames);

        disabled.write(em -> em.find(Author.class, 1L).setName("J.R.R. Tolkien"));
        shared.sql().reset();
        List<String> names = shared.read(DisabledUnitTest::authorNames);

        assertThat(shared.sql().count()).isEqualTo(1);
        assertThat(names).containsExactly("J.R.R. Tolkien", "Le Guin", "Pratchett");
    }

    @Test
    void nativeWriteThroughTheDisabledUnitInvalidatesOtherUnits() {
        shared.read(DisabledUnitTest::authorNames);

        disabled.write(em -> em.createNativeQuery("UPDATE author SET name = 'Sir Terry' WHERE id = 3").executeUpdate());
        shared.sql().reset();
        List<String> names = shared.read(DisabledUnitTest::authorNames);

        assertThat(shared.sql().count()).isEqualTo(1);
        assertThat(names).containsExactly("Tolkien", "Le Guin", "Sir Terry");
    }

    @Test
    void uncommittedWriteThroughTheDisabledUnitInvalidatesNothing() {
        shared.read(DisabledUnitTest::authorNames);
        EntityManager em = disabled.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            em.find(Author.class, 1L).setName("J.R.R. Tolkien");
            em.flush();
            em.getTransaction().rollback();
        } finally {
            em.close();
        }

        assertThat(shared.countStatements(() -> assertThat(shared.read(DisabledUnitTest::authorNames)).startsWith("Tolkien"))).isZero();
    }

    private static List<String> authorNames(EntityManager em) {
        return em.createQuery("SELECT a.name FROM Author a ORDER BY a.id", String.class).getResultList();
    }
}
