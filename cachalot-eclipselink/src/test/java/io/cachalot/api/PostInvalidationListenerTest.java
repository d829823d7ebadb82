package io.cachalot.api;

import static io.cachalot.api.Reads.cache;
import static io.cachalot.api.Reads.count;
import static io.cachalot.api.Reads.statements;
import static io.cachalot.api.Reads.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.Cachalot;
import io.cachalot.PostInvalidation;
import io.cachalot.model.Author;
import io.cachalot.model.Publisher;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Listeners added with {@code Cachalot.addListener} hear of each table a committed transaction wrote. */
@ParameterizedClass
@EnumSource(Database.class)
class PostInvalidationListenerTest {

    @Parameter
    Database database;

    TestUnit unit;
    Cachalot cachalot;
    final List<PostInvalidation> heard = new CopyOnWriteArrayList<>();
    final Consumer<PostInvalidation> listener = heard::add;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
        cachalot = unit.cachalot();
        cachalot.addListener(listener);
    }

    @AfterEach
    void tearDown() {
        cachalot.removeListener(listener);
    }

    @Test
    void aClosedUnitsListenersHearNothingMoreOfTheStoreItShared() {
        List<PostInvalidation> heardByClosed = new CopyOnWriteArrayList<>();
        try (TestUnit closing = TestUnit.withProperties(database, Map.of())) {
            closing.cachalot().addListener(heardByClosed::add);
            cachalot.invalidate("author");
            assertThat(heardByClosed).as("units sharing the embedded store hear each other").isNotEmpty();
        }
        heardByClosed.clear();

        cachalot.invalidate("author");

        assertThat(heardByClosed).isEmpty();
    }

    @Test
    void listenerHearsOfEachWrittenTableAfterTheCommit() {
        cache(unit, count("Author"));
        List<Long> authorsSeenByListener = new CopyOnWriteArrayList<>();
        Consumer<PostInvalidation> committedCount = event -> authorsSeenByListener.add(committedAuthors());
        cachalot.addListener(committedCount);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            unit.write(em -> {
                em.persist(new Author(4, "Herbert", null));
                em.find(Publisher.class, 1L).setName("Unwin");
            });
        } finally {
            cachalot.removeListener(committedCount);
        }
        Instant after = Instant.now();

        assertThat(heard).extracting(PostInvalidation::table)
                .containsExactlyInAnyOrder(table(database, "author"), table(database, "publisher"));
        assertThat(heard).allSatisfy(event -> {
            assertThat(event.local()).isTrue();
            assertThat(event.persistenceUnit()).isEqualTo(cachalot.persistenceUnit()).contains(TestUnit.UNIT);
            assertThat(event.at()).isBetween(before, after);
        });
        assertThat(authorsSeenByListener).as("rows a plain connection saw from inside the listener")
                .containsOnly(4L);
        assertThat(statements(unit, count("Author"))).isEqualTo(1);
    }

    @Test
    void listenerHearsOfATableOnceForSeveralWritesInOneTransaction() {
        unit.write(em -> {
            em.find(Author.class, 1L).setName("J. R. R. Tolkien");
            em.flush();
            em.find(Author.class, 2L).setName("Ursula K. Le Guin");
            em.flush();
            em.createQuery("UPDATE Author a SET a.name = 'Terry Pratchett' WHERE a.id = 3").executeUpdate();
        });

        assertThat(heard).extracting(PostInvalidation::table).containsExactly(table(database, "author"));
    }

    @Test
    void rolledBackTransactionIsNeverHeardOf() {
        cache(unit, count("Author"));

        EntityManager em = unit.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(new Author(4, "Herbert", null));
            em.flush();
            em.getTransaction().rollback();
        } finally {
            em.close();
        }

        assertThat(heard).isEmpty();
        assertThat(statements(unit, count("Author"))).as("and the cached read is still served").isZero();
    }

    @Test
    void removedListenerHearsNothingMore() {
        List<PostInvalidation> stillListening = new CopyOnWriteArrayList<>();
        Consumer<PostInvalidation> other = stillListening::add;
        cachalot.addListener(other);
        try {
            cachalot.removeListener(listener);

            unit.write(em -> em.find(Author.class, 1L).setName("J. R. R. Tolkien"));
            cachalot.invalidate("category");

            assertThat(heard).isEmpty();
            assertThat(stillListening).extracting(PostInvalidation::table)
                    .containsExactly(table(database, "author"), table(database, "category"));
        } finally {
            cachalot.removeListener(other);
        }
    }

    private long committedAuthors() {
        try (Connection connection = database.rawConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM author")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
