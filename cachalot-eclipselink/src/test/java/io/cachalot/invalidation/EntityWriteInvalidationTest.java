package io.cachalot.invalidation;

import static io.cachalot.invalidation.Observed.cached;
import static io.cachalot.invalidation.Observed.jpql;
import static io.cachalot.invalidation.Observed.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Author;
import io.cachalot.model.Bike;
import io.cachalot.model.Book;
import io.cachalot.model.Car;
import io.cachalot.model.CardPayment;
import io.cachalot.model.Category;
import io.cachalot.model.Review;
import io.cachalot.model.Vehicle;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Entity writes (persist, merge, remove, collections, inheritance, batch writing) invalidate what they change. */
@ParameterizedClass
@EnumSource(Database.class)
class EntityWriteInvalidationTest {

    private static final Function<EntityManager, List<Object>> AUTHOR_NAMES =
            jpql("SELECT a.name FROM Author a ORDER BY a.id");
    private static final Function<EntityManager, List<Object>> AUTHOR_COUNT = jpql("SELECT COUNT(a) FROM Author a");
    private static final Function<EntityManager, List<Object>> REVIEW_IDS =
            jpql("SELECT r.id FROM Review r ORDER BY r.id");
    private static final Function<EntityManager, List<Object>> TITLE_OF_BOOK_4 =
            jpql("SELECT b.title FROM Book b WHERE b.id = 4");

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void persistInvalidatesReadsOfItsTable() {
        cached(unit, AUTHOR_NAMES);

        unit.write(em -> em.persist(new Author(4, "Herbert", LocalDate.of(1920, 10, 8))));

        Observed<List<Object>> after = read(unit, AUTHOR_NAMES);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly("Tolkien", "Le Guin", "Pratchett", "Herbert");
    }

    @Test
    void mergeInvalidatesReadsOfItsTable() {
        cached(unit, AUTHOR_NAMES);

        unit.write(em -> em.merge(new Author(1, "J. R. R. Tolkien", LocalDate.of(1892, 1, 3))));

        Observed<List<Object>> after = read(unit, AUTHOR_NAMES);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly("J. R. R. Tolkien", "Le Guin", "Pratchett");
    }

    @Test
    void removeInvalidatesReadsOfItsTable() {
        cached(unit, REVIEW_IDS);

        unit.write(em -> em.remove(em.find(Review.class, 6L)));

        Observed<List<Object>> after = read(unit, REVIEW_IDS);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).extracting(id -> ((Number) id).longValue()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void addingACategoryInvalidatesReadsOfTheJoinTableButNotOfTheBook() {
        Function<EntityManager, List<Object>> categories =
                jpql("SELECT c.name FROM Book b JOIN b.categories c WHERE b.id = 4 ORDER BY c.name");
        cached(unit, categories);
        cached(unit, TITLE_OF_BOOK_4);

        unit.write(em -> em.find(Book.class, 4L).getCategories().add(em.find(Category.class, 1L)));

        Observed<List<Object>> after = read(unit, categories);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly("fantasy", "science fiction");
        assertThat(read(unit, TITLE_OF_BOOK_4).statements()).as("a read of the book table alone").isZero();
    }

    @Test
    void removingACategoryInvalidatesReadsOfTheJoinTable() {
        Function<EntityManager, List<Object>> categories =
                jpql("SELECT c.name FROM Book b JOIN b.categories c WHERE b.id = 5 ORDER BY c.name");
        assertThat(cached(unit, categories)).containsExactly("fantasy", "humour");

        unit.write(em -> em.find(Book.class, 5L).getCategories().removeIf(category -> category.getId() == 1));

        Observed<List<Object>> after = read(unit, categories);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly("humour");
    }

    @Test
    void addingATagInvalidatesReadsOfTheElementCollectionTable() {
        Function<EntityManager, List<Object>> tags = jpql("SELECT t FROM Book b JOIN b.tags t WHERE b.id = 4");
        assertThat(cached(unit, tags)).isEmpty();
        cached(unit, TITLE_OF_BOOK_4);

        unit.write(em -> em.find(Book.class, 4L).getTags().add("anarchy"));

        Observed<List<Object>> after = read(unit, tags);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly("anarchy");
        assertThat(read(unit, TITLE_OF_BOOK_4).statements()).as("a read of the book table alone").isZero();
    }

    @Test
    void carChangeInvalidatesAVehicleQuery() {
        Function<EntityManager, List<String>> vehicles = em -> em
                .createQuery("SELECT v FROM Vehicle v ORDER BY v.id", Vehicle.class).getResultList().stream()
                .map(v -> v instanceof Car car ? v.getName() + ":" + car.getDoors() : v.getName())
                .toList();
        cached(unit, vehicles);

        unit.write(em -> em.find(Car.class, 2L).setDoors(5));

        Observed<List<String>> after = read(unit, vehicles);
        assertThat(after.statements()).isPositive();
        assertThat(after.value()).containsExactly("Clio:5", "Mini:5", "Brompton");
    }

    @Test
    void writeToTheRootTableOfJoinedInheritanceInvalidatesASubclassQuery() {
        Function<EntityManager, List<Object>> carNames = jpql("SELECT c.name FROM Car c ORDER BY c.id");
        cached(unit, carNames);

        unit.write(em -> em.find(Vehicle.class, 1L).setName("Zoe"));

        Observed<List<Object>> after = read(unit, carNames);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly("Zoe", "Mini");
    }

    @Test
    void singleTableWriteOfOneSubclassInvalidatesQueriesOfTheOthers() {
        Function<EntityManager, List<Object>> cash = jpql("SELECT p.id FROM CashPayment p ORDER BY p.id");
        Function<EntityManager, List<Object>> all = jpql("SELECT COUNT(p) FROM Payment p");
        cached(unit, cash);
        cached(unit, all);

        unit.write(em -> em.persist(new CardPayment(4, new BigDecimal("3.00"), "3400")));

        Observed<List<Object>> cashAfter = read(unit, cash);
        assertThat(cashAfter.statements()).as("same table, so the cash payment query is invalidated too").isEqualTo(1);
        assertThat(cashAfter.value()).extracting(id -> ((Number) id).longValue()).containsExactly(3L);
        Observed<List<Object>> allAfter = read(unit, all);
        assertThat(allAfter.statements()).isEqualTo(1);
        assertThat(allAfter.value()).containsExactly(4L);
    }

    @Test
    void removingASubclassEntityOfJoinedInheritanceInvalidatesRootQueries() {
        Function<EntityManager, List<Object>> names = jpql("SELECT v.name FROM Vehicle v ORDER BY v.id");
        cached(unit, names);

        unit.write(em -> em.remove(em.find(Bike.class, 3L)));

        Observed<List<Object>> after = read(unit, names);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly("Clio", "Mini");
    }

    @Test
    void batchWrittenInsertsInvalidateTheirTable() {
        try (TestUnit batching = TestUnit.withProperties(database, Map.of("eclipselink.jdbc.batch-writing", "JDBC"))) {
            cached(batching, AUTHOR_COUNT);
            cached(unit, AUTHOR_COUNT);

            int writeStatements = batching.countStatements(() -> batching.write(em -> {
                for (int id = 100; id < 130; id++) {
                    em.persist(new Author(id, "Author " + id, null));
                }
            }));

            assertThat(writeStatements).as("30 inserts sent in JDBC batches").isLessThan(30);
            Observed<List<Object>> after = read(batching, AUTHOR_COUNT);
            assertThat(after.statements()).isEqualTo(1);
            assertThat(after.value()).containsExactly(30L);
            assertThat(read(unit, AUTHOR_COUNT).value()).as("the other unit on the same tables").containsExactly(30L);
        }
    }
}
