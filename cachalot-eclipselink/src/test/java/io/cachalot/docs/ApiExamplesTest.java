package io.cachalot.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.cachalot.Cachalot;
import io.cachalot.CachalotProperties;
import io.cachalot.CacheStats;
import io.cachalot.DisabledScope;
import io.cachalot.FragmentCache;
import io.cachalot.PostInvalidation;
import io.cachalot.model.Author;
import io.cachalot.model.Book;
import io.cachalot.model.Publisher;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/api.md, docs/configuration.md and docs/limits.md, run on H2. The code between a
 * {@code tag::name[]} and an {@code end::name[]} comment is what the pages show ({@link DocSnippetsTest} keeps them
 * equal); the assertions around it prove that it does what the pages say.
 */
class ApiExamplesTest {

    private static final Function<EntityManager, List<String>> TITLES =
            em -> em.createQuery("SELECT b.title FROM Book b ORDER BY b.id", String.class).getResultList();

    TestUnit unit;
    EntityManagerFactory emf;
    Cachalot cachalot;
    final AtomicInteger bookListRenders = new AtomicInteger();

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(Database.H2);
        Fixtures.library(unit);
        emf = unit.factory();
        cachalot = Cachalot.of(emf);
    }

    @Test
    void handlesOfTheSameUnitAreEqualAndUnitsAreFoundByName() {
        try (TestUnit ordersUnit = TestUnit.withProperties(Database.H2, Map.of("eclipselink.session-name", "orders"));
                EntityManager em = emf.createEntityManager()) {
            // tag::get[]
            Cachalot cachalot = Cachalot.of(emf);
            Cachalot same = Cachalot.of(em.getEntityManagerFactory());
            Cachalot orders = Cachalot.forUnit("orders");
            Cachalot only = Cachalot.forUnit(null);                    // the only unit running cachalot
            // end::get[]

            assertThat(same.persistenceUnit()).isEqualTo(cachalot.persistenceUnit()).isEqualTo("cachalot-test-H2");
            assertThat(orders.persistenceUnit()).isEqualTo("orders");
            assertThatIllegalStateException().as("two units run cachalot here").isThrownBy(only::tables)
                    .withMessageStartingWith("Name the persistence unit: several units run cachalot: [");
        }
        assertThatIllegalStateException().isThrownBy(() -> Cachalot.forUnit("orders").tables())
                .withMessageStartingWith("No started persistence unit named 'orders' runs cachalot (started: [");
    }

    @Test
    void invalidateNamesTablesByTableEntityClassOrEntityNameOrInvalidatesThemAll() {
        unit.read(TITLES);
        List<String> heard = new CopyOnWriteArrayList<>();
        Consumer<PostInvalidation> listener = event -> heard.add(event.table());
        cachalot.addListener(listener);
        try {
            // tag::invalidate[]
            cachalot.invalidate("book", Author.class, "Publisher");   // tables, entity classes, entity names
            cachalot.invalidate();                                     // every table of the unit
            // end::invalidate[]
        } finally {
            cachalot.removeListener(listener);
        }

        assertThat(heard.subList(0, 3)).containsExactlyInAnyOrder("BOOK", "AUTHOR", "PUBLISHER");
        assertThat(heard.subList(3, heard.size())).containsExactlyInAnyOrderElementsOf(cachalot.tables());
        assertThat(unit.countStatements(() -> unit.read(TITLES))).isEqualTo(1);
    }

    @Test
    void lastInvalidationIsTheLatestChangeOfTheNamedTables() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        unit.write(em -> em.find(Author.class, 1L).setName("J.R.R. Tolkien"));

        // tag::last-invalidation[]
        Optional<Instant> changed = cachalot.lastInvalidation("book", Author.class);
        // end::last-invalidation[]

        assertThat(changed).hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now()));
        assertThat(changed).isEqualTo(cachalot.lastInvalidation("author"));
    }

    @Test
    void aKeyWithTheVersionTagChangesWhenOneOfItsTablesIsWritten() {
        String key = bestsellersKey();

        unit.write(em -> em.find(Publisher.class, 1L).setName("Unwin"));
        assertThat(bestsellersKey()).as("another table was written").isEqualTo(key);

        unit.write(em -> em.find(Book.class, 1L).setTitle("The Hobbit, or There and Back Again"));
        assertThat(bestsellersKey()).isNotEqualTo(key).startsWith("bestsellers|");
    }

    private String bestsellersKey() {
        // tag::version-tag[]
        String tag = cachalot.versionTag("book", "author");
        String key = "bestsellers|" + tag;
        // end::version-tag[]
        return key;
    }

    @Test
    void insideADisabledScopeReadsGoToTheDatabase() {
        cacheTitlesThenRenameTheHobbitFromOutside();

        try (EntityManager em = emf.createEntityManager()) {
            unit.sql().reset();
            // tag::disable[]
            try (DisabledScope off = cachalot.disable()) {
                List<Book> fresh = em.createQuery("SELECT b FROM Book b", Book.class).getResultList();
            }
            // end::disable[]
            assertThat(unit.sql().statements()).anyMatch(sql -> sql.toUpperCase().contains("FROM BOOK"));
        }
        assertThat(unit.countStatements(() -> unit.read(TITLES))).as("outside the scope, the cache serves").isZero();
    }

    @Test
    void anUncachedQueryReadsTheDatabaseAndOthersStillUseTheCache() {
        cacheTitlesThenRenameTheHobbitFromOutside();

        try (EntityManager em = emf.createEntityManager()) {
            unit.sql().reset();
            // tag::uncached[]
            List<Book> fresh = Cachalot.uncached(em.createQuery("SELECT b FROM Book b", Book.class)).getResultList();
            // end::uncached[]
            assertThat(unit.sql().count()).isPositive();
            assertThat(fresh).extracting(Book::getTitle).contains("There and Back Again");
        }
        assertThat(unit.countStatements(() -> assertThat(unit.read(TITLES)).contains("The Hobbit"))).isZero();
    }

    /** Caches the read of every title and of every book, then changes a title where cachalot cannot see it. */
    private void cacheTitlesThenRenameTheHobbitFromOutside() {
        Function<EntityManager, List<Book>> books = em -> em.createQuery("SELECT b FROM Book b", Book.class).getResultList();
        unit.read(TITLES);
        unit.read(books);
        assertThat(unit.countStatements(() -> {
            unit.read(TITLES);
            unit.read(books);
        })).isZero();
        unit.outside("UPDATE book SET title = 'There and Back Again' WHERE id = 1");
    }

    @Test
    void statisticsCountHitsInTotalAndPerTable() {
        unit.read(TITLES);
        long bookHitsBefore = cachalot.stats().perTable().get("BOOK").hits();
        unit.read(TITLES);

        // tag::stats[]
        CacheStats stats = cachalot.stats();
        String summary = String.format("%d hits, %d misses, hit ratio %.2f", stats.hits(), stats.misses(), stats.hitRatio());
        CacheStats.TableStats book = stats.perTable().get("BOOK");
        // end::stats[]

        assertThat(book.hits()).isEqualTo(bookHitsBefore + 1);
        assertThat(summary).startsWith(stats.hits() + " hits, " + stats.misses() + " misses, hit ratio ");
    }

    @Test
    void aListenerHearsOfEachTableACommitWroteUntilRemoved() {
        // tag::listener[]
        List<String> changes = new CopyOnWriteArrayList<>();
        Consumer<PostInvalidation> listener = event ->
                changes.add(event.table() + " changed at " + event.at() + " through " + event.persistenceUnit());
        cachalot.addListener(listener);
        // end::listener[]
        unit.write(em -> em.find(Publisher.class, 1L).setName("Unwin"));
        cachalot.removeListener(listener);
        unit.write(em -> em.find(Publisher.class, 2L).setName("Gollancz SF"));

        assertThat(changes).singleElement().asString()
                .startsWith("PUBLISHER changed at ").endsWith(" through cachalot-test-H2");
    }

    @Test
    void aFragmentKeyedOnTheVersionTagIsRenderedAgainOnlyAfterAWriteToItsTables() {
        String first = bookListHtml();
        assertThat(unit.countStatements(() -> assertThat(bookListHtml()).isEqualTo(first))).isZero();
        unit.write(em -> em.find(Publisher.class, 1L).setName("Unwin"));
        assertThat(unit.countStatements(() -> assertThat(bookListHtml()).isEqualTo(first))).isZero();
        assertThat(bookListRenders).hasValue(1);

        unit.write(em -> em.find(Author.class, 3L).setName("Terry Pratchett"));

        assertThat(unit.countStatements(() -> assertThat(bookListHtml()).contains("by Terry Pratchett"))).isPositive();
        assertThat(bookListRenders).hasValue(2);
    }

    private String bookListHtml() {
        // tag::fragments[]
        FragmentCache fragments = cachalot.fragments();
        String key = "book-list|" + cachalot.versionTag(Book.class, Author.class);
        String html = fragments.get(key).orElseGet(() -> {
            String rendered = renderBookList();
            fragments.put(key, rendered, Duration.ofMinutes(10));
            return rendered;
        });
        // end::fragments[]
        return html;
    }

    private String renderBookList() {
        bookListRenders.incrementAndGet();
        return unit.read(em -> em.createQuery("SELECT b FROM Book b ORDER BY b.id", Book.class).getResultList()).stream()
                .map(book -> "<li>" + book.getTitle() + " by " + book.getAuthor().getName() + "</li>")
                .collect(Collectors.joining("", "<ul>", "</ul>"));
    }

    @Test
    void perTableCountersShowWhichTablesAreWorthCaching() {
        unit.read(TITLES);
        unit.read(TITLES);

        // tag::per-table-report[]
        CacheStats stats = Cachalot.of(emf).stats();
        List<String> report = new ArrayList<>();
        stats.perTable().forEach((table, t) -> report.add(
                table + ": " + t.hits() + " hits, " + t.misses() + " misses, " + t.invalidations() + " invalidations"));
        // end::per-table-report[]

        CacheStats.TableStats book = stats.perTable().get("BOOK");
        assertThat(book.hits()).isPositive();
        assertThat(report).contains("BOOK: " + book.hits() + " hits, " + book.misses() + " misses, "
                + book.invalidations() + " invalidations");
    }

    @Test
    void invalidatingAfterAnOutsideWriteShowsIt() {
        unit.read(TITLES);
        unit.outside("UPDATE book SET title = 'There and Back Again' WHERE id = 1");

        // tag::invalidate-after-outside-write[]
        Cachalot.of(emf).invalidate("book", Author.class);   // or invalidate() for every table of the unit
        // end::invalidate-after-outside-write[]

        assertThat(unit.countStatements(() -> assertThat(unit.read(TITLES)).contains("There and Back Again")))
                .isEqualTo(1);
    }

    @Test
    void aListenerFollowsADatabaseCascade() {
        Function<EntityManager, List<?>> seriesBooks = em -> em.createNativeQuery(
                "SELECT title FROM series_book ORDER BY title").getResultList();
        try (TestUnit seriesUnit = TestUnit.withProperties(Database.H2,
                Map.of(CachalotProperties.ADDITIONAL_TABLES, "series, series_book"))) {
            seriesUnit.outside("CREATE TABLE series (id INT PRIMARY KEY, name VARCHAR(40))");
            seriesUnit.outside("CREATE TABLE series_book (series_id INT REFERENCES series (id) ON DELETE CASCADE,"
                    + " title VARCHAR(40))");
            seriesUnit.outside("INSERT INTO series VALUES (1, 'Earthsea'), (2, 'Discworld')");
            seriesUnit.outside("INSERT INTO series_book VALUES (1, 'A Wizard of Earthsea'), (2, 'Mort')");
            EntityManagerFactory emf = seriesUnit.factory();
            // tag::cascade-listener[]
            Cachalot cachalot = Cachalot.of(emf);
            cachalot.addListener(event -> {
                if (event.table().equalsIgnoreCase("series")) {   // ON DELETE CASCADE: deletes its series_book rows
                    cachalot.invalidate("series_book");
                }
            });
            // end::cascade-listener[]
            seriesUnit.read(seriesBooks);
            assertThat(seriesUnit.countStatements(() -> seriesUnit.read(seriesBooks))).isZero();

            seriesUnit.write(em -> em.createNativeQuery("DELETE FROM series WHERE id = 2").executeUpdate());

            assertThat(seriesUnit.countStatements(() -> assertThat(seriesUnit.read(seriesBooks))
                    .containsExactly("A Wizard of Earthsea"))).isEqualTo(1);
        } finally {
            unit.outside("DROP TABLE IF EXISTS series_book");
            unit.outside("DROP TABLE IF EXISTS series");
        }
    }

    @Test
    void aListenerInvalidatesAViewWhenItsBaseTablesChange() {
        Function<EntityManager, List<?>> hobbitAuthor = em -> em.createNativeQuery(
                "SELECT name FROM book_summary WHERE title = 'The Hobbit'").getResultList();
        try (TestUnit withView = TestUnit.withProperties(Database.H2,
                Map.of(CachalotProperties.ADDITIONAL_TABLES, "book_summary"))) {
            Fixtures.library(withView);
            withView.outside("CREATE VIEW book_summary AS SELECT b.title, a.name FROM book b JOIN author a"
                    + " ON a.id = b.author_id");
            Cachalot cachalot = withView.cachalot();
            // tag::view-listener[]
            Consumer<PostInvalidation> refreshSummary = event -> {
                if (event.table().equalsIgnoreCase("book") || event.table().equalsIgnoreCase("author")) {
                    cachalot.invalidate("book_summary");            // a view over book and author
                }
            };
            cachalot.addListener(refreshSummary);
            // end::view-listener[]
            try {
                withView.read(hobbitAuthor);
                withView.write(em -> em.find(Publisher.class, 1L).setName("Unwin"));
                assertThat(withView.countStatements(() -> withView.read(hobbitAuthor))).as("not a base table").isZero();

                withView.write(em -> em.find(Author.class, 1L).setName("J.R.R. Tolkien"));

                assertThat(withView.countStatements(() -> assertThat(withView.read(hobbitAuthor))
                        .containsExactly("J.R.R. Tolkien"))).isEqualTo(1);
            } finally {
                cachalot.removeListener(refreshSummary);
            }
        } finally {
            unit.outside("DROP VIEW IF EXISTS book_summary");
        }
    }
}
