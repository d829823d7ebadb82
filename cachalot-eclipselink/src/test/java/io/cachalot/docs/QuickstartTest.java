package io.cachalot.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.cachalot.Cachalot;
import io.cachalot.CachalotConfigurationException;
import io.cachalot.CacheStats;
import io.cachalot.DisabledScope;
import io.cachalot.docs.quickstart.Book;
import io.cachalot.docs.quickstart.BookImport;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceUnit;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Java SE part of docs/quickstart.md, run as the page shows it. The unit {@code library} of the test
 * persistence.xml is the page's unit (with the entity of {@code io.cachalot.docs.quickstart}), started by
 * {@code Persistence.createEntityManagerFactory("library")} with its own JDBC URL; the code between a
 * {@code tag::name[]} and an {@code end::name[]} comment is what the page shows ({@link DocSnippetsTest}).
 * Since that unit opens its connections itself, hits and invalidations are proven by H2's own count of the
 * statements it executed ({@code INFORMATION_SCHEMA.QUERY_STATISTICS}).
 */
class QuickstartTest {

    private static final String URL = "jdbc:h2:mem:library;DB_CLOSE_DELAY=-1";
    private static final String SELECT_BY_TITLE = "SELECT ID, TITLE FROM BOOK ORDER BY TITLE";
    private static final String INSERT = "INSERT INTO BOOK (ID, TITLE) VALUES (?, ?)";

    private Connection database;
    private EntityManagerFactory started;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        database = DriverManager.getConnection(URL, "sa", "");
        execute("DROP TABLE IF EXISTS BOOK");
        bookStatements();
    }

    @AfterEach
    void closeUnit() throws SQLException {
        if (started != null) {
            started.close();
        }
        database.close();
    }

    @Test
    void theSecondRunOfAQueryIsServedFromTheCacheAndACommitInvalidatesIt() throws SQLException {
        // tag::write[]
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("library");

        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        em.persist(new Book(1, "Moby Dick"));
        em.getTransaction().commit();
        em.close();
        // end::write[]
        started = emf;
        assertThat(bookStatements()).contains(INSERT);
        CacheStats before = Cachalot.of(emf).stats();

        // tag::read-twice[]
        List<Book> books = booksByTitle(emf);       // the first run reads the database and caches the rows
        books = booksByTitle(emf);                  // the second run is served from the cache: no SQL
        // end::read-twice[]

        assertThat(bookStatements()).containsExactly(SELECT_BY_TITLE);
        assertThat(books).extracting(Book::getTitle).containsExactly("Moby Dick");
        CacheStats after = Cachalot.of(emf).stats();
        assertThat(after.misses() - before.misses()).isEqualTo(1);
        assertThat(after.hits() - before.hits()).isEqualTo(1);

        // tag::invalidate[]
        EntityManager writer = emf.createEntityManager();
        writer.getTransaction().begin();
        writer.persist(new Book(2, "Billy Budd"));
        writer.getTransaction().commit();           // invalidates BOOK
        writer.close();

        books = booksByTitle(emf);                  // reads the database again
        // end::invalidate[]

        assertThat(bookStatements()).containsExactlyInAnyOrder(INSERT, SELECT_BY_TITLE);
        assertThat(books).extracting(Book::getTitle).containsExactly("Billy Budd", "Moby Dick");
        assertThat(bookStatements(() -> booksByTitle(emf))).isEmpty();
    }

    // tag::query[]
    static List<Book> booksByTitle(EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT b FROM Book b ORDER BY b.title", Book.class).getResultList();
        } finally {
            em.close();
        }
    }
    // end::query[]

    @Test
    void theApiInvalidatesDisablesBypassesAndCounts() throws SQLException {
        Instant start = Instant.now();
        EntityManagerFactory emf = startWithOneBook();
        booksByTitle(emf);
        assertThat(bookStatements(() -> booksByTitle(emf))).as("cached").isEmpty();
        CacheStats before = Cachalot.of(emf).stats();
        List<Book> books;

        // tag::api[]
        Cachalot cachalot = Cachalot.of(emf);

        cachalot.invalidate(Book.class);                 // after a write cachalot could not see
        Optional<Instant> changed = cachalot.lastInvalidation("BOOK");
        String tag = cachalot.versionTag(Book.class);    // changes whenever BOOK is invalidated

        try (DisabledScope off = cachalot.disable()) {   // this thread reads from the database
            books = booksByTitle(emf);
        }

        EntityManager reader = emf.createEntityManager();
        List<Book> fresh = Cachalot.uncached(reader.createQuery("SELECT b FROM Book b", Book.class)).getResultList();
        reader.close();

        CacheStats stats = cachalot.stats();
        System.out.println(stats.hits() + " hits, " + stats.misses() + " misses, ratio " + stats.hitRatio());
        // end::api[]

        assertThat(bookStatements()).containsExactlyInAnyOrder(SELECT_BY_TITLE, "SELECT ID, TITLE FROM BOOK");
        assertThat(books).extracting(Book::getTitle).containsExactly("Moby Dick");
        assertThat(fresh).extracting(Book::getTitle).containsExactly("Moby Dick");
        assertThat(stats.hits()).as("neither read used the cache").isEqualTo(before.hits());
        assertThat(stats.misses()).isEqualTo(before.misses());
        assertThat(changed).hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(start));
        assertThat(bookStatements(() -> booksByTitle(emf))).as("invalidated, and not stored by the reads above")
                .containsExactly(SELECT_BY_TITLE);

        cachalot.invalidate("BOOK");
        assertThat(cachalot.versionTag(Book.class)).isNotEqualTo(tag);
    }

    @Test
    void aBeanInvalidatesThroughItsInjectedPersistenceUnit() throws Exception {
        EntityManagerFactory emf = startWithOneBook();
        BookImport bookImport = new BookImport();
        injectPersistenceUnit(bookImport, emf);
        booksByTitle(emf);
        assertThat(bookStatements(() -> booksByTitle(emf))).isEmpty();

        bookImport.afterNightlyLoad();

        assertThat(bookStatements(() -> booksByTitle(emf))).containsExactly(SELECT_BY_TITLE);
    }

    @Test
    void aBadValueStopsTheUnitWhenItStartsAtItsFirstEntityManager() {
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("library",
                Map.of("cachalot.max-rows", "-1", "eclipselink.session-name", "library-bad-value"));
        try {
            assertThatExceptionOfType(PersistenceException.class).isThrownBy(emf::createEntityManager)
                    .withMessageContaining("EclipseLink-28014")
                    .withMessageContaining("Internal Exception: " + CachalotConfigurationException.class.getName()
                            + ": Invalid value '-1' for property cachalot.max-rows: expected a whole number of at least 0")
                    .withRootCauseInstanceOf(CachalotConfigurationException.class);
        } finally {
            emf.close();
        }
    }

    @Test
    void aBadValueStopsTheUnitWhenItStartsForTheApi() {
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("library",
                Map.of("cachalot.max-rows", "-1", "eclipselink.session-name", "library-bad-value-api"));
        try {
            assertThatExceptionOfType(PersistenceException.class).isThrownBy(() -> Cachalot.of(emf))
                    .withRootCauseInstanceOf(CachalotConfigurationException.class);
        } finally {
            emf.close();
        }
    }

    @Test
    void aBadValueStopsTheUnitAtTheFactoryWithDeployOnStartup() {
        assertThatExceptionOfType(PersistenceException.class).isThrownBy(() -> Persistence.createEntityManagerFactory(
                "library", Map.of("cachalot.max-rows", "-1", "eclipselink.session-name", "library-deploy-on-startup",
                        "eclipselink.deploy-on-startup", "true")))
                .withRootCauseInstanceOf(CachalotConfigurationException.class);
    }

    /** The page's persistence.xml is the tested unit, but for the entity's package. */
    @Test
    void thePagesPersistenceXmlIsTheTestedUnit() throws IOException {
        String page = Files.readString(Path.of("../docs/quickstart.md"));
        int section = page.indexOf("### 2. `persistence.xml`");
        int block = page.indexOf("```xml\n", section);
        assertThat(section).isNotNegative();
        assertThat(block).isNotNegative();
        String shown = page.substring(block + "```xml\n".length(), page.indexOf("\n```", block));
        String tested = Files.readString(Path.of("src/test/resources/META-INF/persistence.xml"));
        String unit = tested.substring(tested.indexOf("\n", tested.indexOf("tag::quickstart-unit[]")) + 1,
                tested.lastIndexOf("\n", tested.indexOf("end::quickstart-unit[]")));

        String header = tested.substring(0, tested.indexOf("  <persistence-unit "));

        assertThat(shown).isEqualTo(header + unit.replace("io.cachalot.docs.quickstart.Book", "com.example.Book")
                + "\n</persistence>");
    }

    /** Sets the fields annotated {@code @PersistenceUnit(unitName = "library")}, as the server does. */
    private static void injectPersistenceUnit(Object bean, EntityManagerFactory emf) throws IllegalAccessException {
        int injected = 0;
        for (Field field : bean.getClass().getDeclaredFields()) {
            PersistenceUnit unit = field.getAnnotation(PersistenceUnit.class);
            if (unit != null && unit.unitName().equals("library")) {
                field.setAccessible(true);
                field.set(bean, emf);
                injected++;
            }
        }
        assertThat(injected).as("@PersistenceUnit fields of " + bean.getClass()).isEqualTo(1);
    }

    private EntityManagerFactory startWithOneBook() throws SQLException {
        started = Persistence.createEntityManagerFactory("library");
        EntityManager em = started.createEntityManager();
        em.getTransaction().begin();
        em.persist(new Book(1, "Moby Dick"));
        em.getTransaction().commit();
        em.close();
        bookStatements();
        return started;
    }

    /** The statements on BOOK that the database executed while {@code work} ran. */
    private List<String> bookStatements(Runnable work) throws SQLException {
        bookStatements();
        work.run();
        return bookStatements();
    }

    /**
     * The statements on BOOK that the database executed since the last call, each as many times as it ran (in no
     * particular order: H2's statistics table does not keep one), then starts counting again.
     */
    private List<String> bookStatements() throws SQLException {
        List<String> executed = new ArrayList<>();
        try (Statement statement = database.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            while (rows.next()) {
                if (rows.getString(1).contains(" BOOK")) {
                    executed.addAll(Collections.nCopies(rows.getInt(2), rows.getString(1)));
                }
            }
        }
        execute("SET QUERY_STATISTICS FALSE");
        execute("SET QUERY_STATISTICS TRUE");
        return executed;
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = database.createStatement()) {
            statement.execute(sql);
        }
    }
}
