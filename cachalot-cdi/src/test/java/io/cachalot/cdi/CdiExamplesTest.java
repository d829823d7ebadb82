package io.cachalot.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.cachalot.Cachalot;
import io.cachalot.model.Author;
import io.cachalot.model.Publisher;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/cdi.md, in Weld SE with the H2 unit as the only unit running cachalot. The code between a
 * {@code tag::name[]} and an {@code end::name[]} comment (here and in the beans it uses) is what the page shows;
 * the assertions prove that it does what the page says.
 */
@EnableWeld
class CdiExamplesTest {

    TestUnit unit;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld().enableDiscovery()
            .addBeanClasses(InvalidationLog.class, MonthEndReport.class))
            .setPersistenceUnitFactory(LibraryUnit.factory(() -> unit)).build();

    // tag::inject[]
    @Inject
    Cachalot cachalot;                       // the only persistence unit running cachalot

    @Inject
    @CachalotUnit("orders")
    Cachalot orders;                         // the unit named "orders"
    // end::inject[]

    @Inject
    MonthEndReport report;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(Database.H2);
        Fixtures.library(unit);
    }

    @Test
    void injectedCachalotIsTheOnlyUnitAndAQualifiedOneIsFoundByNameWhenCalled() {
        assertThat(cachalot.persistenceUnit()).isEqualTo("cachalot-test-H2");
        assertThatIllegalStateException().isThrownBy(orders::tables)
                .withMessage("No started persistence unit named 'orders' runs cachalot (started: [cachalot-test-H2])");

        try (TestUnit ordersUnit = TestUnit.withProperties(Database.H2, Map.of("eclipselink.session-name", "orders"))) {
            Function<EntityManager, Long> authors = em -> em.createQuery("SELECT COUNT(a) FROM Author a", Long.class)
                    .getSingleResult();
            ordersUnit.read(authors);
            orders.invalidate(Author.class);
            assertThat(ordersUnit.countStatements(() -> ordersUnit.read(authors))).isEqualTo(1);
            assertThatIllegalStateException().as("two units run cachalot now").isThrownBy(cachalot::tables)
                    .withMessageStartingWith("Name the persistence unit: several units run cachalot: [")
                    .withMessageContainingAll("cachalot-test-H2", "orders");
        }
        assertThat(cachalot.persistenceUnit()).isEqualTo("cachalot-test-H2");
    }

    @Test
    void theInvalidationLogHearsACommitAtOnceAndAgainOnAContainerThread() throws InterruptedException {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(InvalidationLog.class.getName());
        logger.addHandler(handler);
        try {
            unit.write(em -> em.find(Author.class, 1L).setName("J.R.R. Tolkien"));

            assertThat(logged).as("logged before the commit returned").extracting(LogRecord::getMessage)
                    .anySatisfy(message -> assertThat(message).startsWith("AUTHOR changed in cachalot-test-H2 at "));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (logged.stream().noneMatch(record -> record.getMessage().startsWith("AUTHOR handled later"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(logged).filteredOn(record -> record.getMessage().startsWith("AUTHOR handled later"))
                    .singleElement().satisfies(record ->
                            assertThat(record.getLongThreadID()).isNotEqualTo(Thread.currentThread().getId()));
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void aKeyWithTheVersionTagChangesWithTheAuthorTableOnly() {
        String key = longestNameKey();

        unit.write(em -> em.find(Publisher.class, 1L).setName("Unwin"));
        assertThat(longestNameKey()).isEqualTo(key);

        unit.write(em -> em.find(Author.class, 2L).setName("Ursula Kroeber Le Guin"));
        assertThat(longestNameKey()).isNotEqualTo(key).startsWith("longest-name|");
    }

    private String longestNameKey() {
        // tag::version-tag-key[]
        String key = "longest-name|" + cachalot.versionTag(Author.class);
        // end::version-tag-key[]
        return key;
    }

    @Test
    void aCachalotDisabledMethodReadsTheDatabaseEveryTime() {
        Function<EntityManager, Long> books = em -> em.createQuery("SELECT COUNT(b) FROM Book b", Long.class)
                .getSingleResult();
        unit.read(books);
        assertThat(unit.countStatements(() -> unit.read(books))).as("outside the method: a hit").isZero();

        assertThat(unit.countStatements(() -> assertThat(report.books()).isEqualTo(5))).isEqualTo(1);
        assertThat(unit.countStatements(report::books)).isEqualTo(1);
    }
}
