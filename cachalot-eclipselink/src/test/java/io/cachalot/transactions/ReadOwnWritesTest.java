package io.cachalot.transactions;

import static io.cachalot.transactions.Library.authorNames;
import static io.cachalot.transactions.Library.categoryNames;
import static io.cachalot.transactions.Library.publisherNames;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.PostInvalidation;
import io.cachalot.model.Author;
import io.cachalot.model.Publisher;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An open RESOURCE_LOCAL transaction sees its own writes, and nobody else sees them, or loses a cached
 * result because of them, before it commits.
 */
@ParameterizedClass
@EnumSource(Database.class)
class ReadOwnWritesTest {

    private static final List<String> AUTHORS = List.of("Tolkien", "Le Guin", "Pratchett");

    @Parameter
    Database database;

    TestUnit unit;
    EntityManager em;
    ExecutorService otherThread = Executors.newSingleThreadExecutor();

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
        em = unit.factory().createEntityManager();
    }

    @AfterEach
    void tearDown() {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
        em.close();
        otherThread.shutdownNow();
    }

    @Test
    void flushedInsertIsSeenByItsOwnTransaction() {
        assertThat(unit.read(Library::authorNames)).isEqualTo(AUTHORS);
        em.getTransaction().begin();
        em.persist(new Author(4, "Atwood", LocalDate.of(1939, 11, 18)));
        em.flush();

        unit.sql().reset();
        List<String> seen = authorNames(em);

        assertThat(seen).containsExactly("Tolkien", "Le Guin", "Pratchett", "Atwood");
        assertThat(unit.sql().count()).isEqualTo(1);
    }

    @Test
    void flushedUpdateIsSeenByItsOwnTransaction() {
        unit.read(Library::authorNames);
        em.getTransaction().begin();
        em.find(Author.class, 2L).setName("Ursula K. Le Guin");
        em.flush();

        unit.sql().reset();
        List<String> seen = authorNames(em);

        assertThat(seen).containsExactly("Tolkien", "Ursula K. Le Guin", "Pratchett");
        assertThat(unit.sql().count()).isEqualTo(1);
    }

    @Test
    void nativeWriteIsSeenByItsOwnTransactionWithoutFlush() {
        unit.read(Library::authorNames);
        em.getTransaction().begin();
        em.createNativeQuery("UPDATE author SET name = 'Sir Terry' WHERE id = 3").executeUpdate();

        unit.sql().reset();
        List<String> seen = authorNames(em);

        assertThat(seen).containsExactly("Tolkien", "Le Guin", "Sir Terry");
        assertThat(unit.sql().count()).isEqualTo(1);
    }

    @Test
    void readsOfUnwrittenTablesInsideTheTransactionStillHit() {
        unit.read(Library::publisherNames);
        unit.read(Library::categoryNames);
        em.getTransaction().begin();
        em.find(Author.class, 1L).setName("J.R.R. Tolkien");
        em.flush();

        unit.sql().reset();
        List<String> publishers = publisherNames(em);
        List<String> categories = categoryNames(em);

        assertThat(unit.sql().count()).isZero();
        assertThat(publishers).containsExactly("Allen & Unwin", "Gollancz");
        assertThat(categories).containsExactly("fantasy", "science fiction", "humour");
    }

    @Test
    void readOfAWrittenTableKeepsBypassingTheCacheUntilTheTransactionEnds() {
        em.getTransaction().begin();
        em.persist(new Author(4, "Atwood", null));
        em.flush();

        int statements = unit.countStatements(() -> {
            authorNames(em);
            authorNames(em);
            authorNames(em);
        });

        assertThat(statements).isEqualTo(3);
    }

    @Test
    void uncommittedWriteIsInvisibleToAnotherEntityManager() {
        unit.read(Library::authorNames);
        em.getTransaction().begin();
        em.find(Author.class, 1L).setName("J.R.R. Tolkien");
        em.flush();

        unit.sql().reset();
        List<String> whileOpen = unit.read(Library::authorNames);
        int statementsWhileOpen = unit.sql().count();
        em.getTransaction().commit();
        unit.sql().reset();
        List<String> afterCommit = unit.read(Library::authorNames);

        assertThat(statementsWhileOpen).isZero();
        assertThat(whileOpen).isEqualTo(AUTHORS);
        assertThat(unit.sql().count()).isEqualTo(1);
        assertThat(afterCommit).containsExactly("J.R.R. Tolkien", "Le Guin", "Pratchett");
    }

    @Test
    void uncommittedWriteIsInvisibleToAnotherThread() throws Exception {
        unit.read(Library::authorNames);
        em.getTransaction().begin();
        em.persist(new Author(4, "Atwood", null));
        em.createNativeQuery("UPDATE author SET name = 'Sir Terry' WHERE id = 3").executeUpdate();
        em.flush();

        unit.sql().reset();
        for (int i = 0; i < 3; i++) {
            assertThat(onOtherThread()).isEqualTo(AUTHORS);
        }
        int statementsWhileOpen = unit.sql().count();
        em.getTransaction().commit();
        unit.sql().reset();
        List<String> afterCommit = onOtherThread();

        assertThat(statementsWhileOpen).isZero();
        assertThat(unit.sql().count()).isEqualTo(1);
        assertThat(afterCommit).containsExactly("Tolkien", "Le Guin", "Sir Terry", "Atwood");
    }

    @Test
    void nothingIsInvalidatedBeforeCommitAndEachWrittenTableOnceAfter() {
        List<PostInvalidation> events = new CopyOnWriteArrayList<>();
        Consumer<PostInvalidation> listener = events::add;
        unit.cachalot().addListener(listener);
        try {
            unit.read(Library::authorNames);
            unit.read(Library::publisherNames);
            em.getTransaction().begin();
            em.find(Author.class, 1L).setName("J.R.R. Tolkien");
            em.find(Author.class, 2L).setName("Ursula K. Le Guin");
            em.persist(new Publisher(3, "Ace"));
            em.flush();
            em.createQuery("UPDATE Author a SET a.name = 'T. Pratchett' WHERE a.id = 3").executeUpdate();

            List<PostInvalidation> beforeCommit = List.copyOf(events);
            em.getTransaction().commit();

            assertThat(beforeCommit).isEmpty();
            assertThat(events).extracting(event -> event.table().toLowerCase())
                    .containsExactlyInAnyOrder("author", "publisher");
        } finally {
            unit.cachalot().removeListener(listener);
        }
    }

    @Test
    void commitInvalidatesEveryWrittenTableAndNothingElse() {
        unit.read(Library::authorNames);
        unit.read(Library::publisherNames);
        unit.read(Library::categoryNames);
        em.getTransaction().begin();
        em.find(Author.class, 1L).setName("J.R.R. Tolkien");
        em.persist(new Publisher(3, "Ace"));
        em.getTransaction().commit();

        int authorStatements = unit.countStatements(() -> assertThat(unit.read(Library::authorNames)).contains("J.R.R. Tolkien"));
        int publisherStatements = unit.countStatements(() -> assertThat(unit.read(Library::publisherNames)).contains("Ace"));
        int categoryStatements = unit.countStatements(() -> unit.read(Library::categoryNames));

        assertThat(authorStatements).isEqualTo(1);
        assertThat(publisherStatements).isEqualTo(1);
        assertThat(categoryStatements).isZero();
    }

    @Test
    void transactionThatOnlyReadsInvalidatesNothing() {
        unit.read(Library::authorNames);
        em.getTransaction().begin();
        authorNames(em);
        em.find(Author.class, 1L);
        em.getTransaction().commit();

        assertThat(unit.countStatements(() -> unit.read(Library::authorNames))).isZero();
    }

    private List<String> onOtherThread() throws Exception {
        return otherThread.submit(() -> unit.read(Library::authorNames)).get(30, TimeUnit.SECONDS);
    }
}
