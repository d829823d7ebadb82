package io.cachalot.api;

import static io.cachalot.api.Reads.cache;
import static io.cachalot.api.Reads.count;
import static io.cachalot.api.Reads.statements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.cachalot.Cachalot;
import io.cachalot.model.Car;
import io.cachalot.model.Publisher;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code Cachalot.invalidate}: by table name, entity name, entity class, several or all at once. Each test changes
 * rows from outside (unseen by cachalot), so only the invalidation can make a read show them.
 */
@ParameterizedClass
@EnumSource(Database.class)
class InvalidateApiTest {

    private static final Function<EntityManager, Long> AUTHORS = count("Author");
    private static final Function<EntityManager, Long> PUBLISHERS = count("Publisher");
    private static final Function<EntityManager, Long> CATEGORIES = count("Category");
    private static final Function<EntityManager, Long> PAYMENTS = count("Payment");
    private static final Function<EntityManager, List<?>> VEHICLE_NAMES =
            nativeRead("SELECT name FROM vehicle ORDER BY id");
    private static final Function<EntityManager, List<?>> CAR_DOORS = nativeRead("SELECT doors FROM car ORDER BY id");
    private static final Function<EntityManager, List<?>> BIKE_GEARS = nativeRead("SELECT gears FROM bike ORDER BY id");

    @Parameter
    Database database;

    TestUnit unit;
    Cachalot cachalot;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
        cachalot = Cachalot.of(unit.factory());
        List.of(AUTHORS, PUBLISHERS, CATEGORIES, PAYMENTS, VEHICLE_NAMES, CAR_DOORS, BIKE_GEARS)
                .forEach(read -> cache(unit, read));
        unit.outside("INSERT INTO author (id, name) VALUES (10, 'Outside')");
        unit.outside("INSERT INTO publisher (id, name) VALUES (10, 'Outside')");
        unit.outside("INSERT INTO category (id, name) VALUES (10, 'outside')");
        unit.outside("DELETE FROM payment WHERE id = 3");
        unit.outside("UPDATE vehicle SET name = 'Twingo' WHERE id = 1");
        unit.outside("UPDATE car SET doors = 4 WHERE id = 1");
    }

    @Test
    void invalidatingATableByNameShowsItsNewRows() {
        assertThat(unit.read(AUTHORS)).as("before: the outside write is not seen").isEqualTo(3);

        cachalot.invalidate("author");

        assertThat(statements(unit, AUTHORS)).isEqualTo(1);
        assertThat(unit.read(AUTHORS)).isEqualTo(4);
        assertThat(statements(unit, PUBLISHERS)).as("another table").isZero();
    }

    @Test
    void invalidatingByEntityNameInvalidatesItsTable() {
        cachalot.invalidate("Publisher");

        assertThat(statements(unit, PUBLISHERS)).isEqualTo(1);
        assertThat(unit.read(PUBLISHERS)).isEqualTo(3);
        assertThat(statements(unit, AUTHORS)).isZero();
    }

    @Test
    void invalidatingBySubclassInvalidatesItsOwnTableAndItsParents() {
        assertThat(unit.read(VEHICLE_NAMES)).containsExactly("Clio", "Mini", "Brompton");

        cachalot.invalidate(Car.class);

        assertThat(statements(unit, VEHICLE_NAMES)).isEqualTo(1);
        assertThat(unit.read(VEHICLE_NAMES)).containsExactly("Twingo", "Mini", "Brompton");
        assertThat(statements(unit, CAR_DOORS)).isEqualTo(1);
        assertThat(unit.read(CAR_DOORS)).extracting(doors -> ((Number) doors).intValue()).containsExactly(4, 3);
        assertThat(statements(unit, BIKE_GEARS)).as("the sibling's own table").isZero();
        assertThat(statements(unit, AUTHORS)).isZero();
    }

    @Test
    void invalidatingSeveralAtOnceMixesTablesEntitiesAndClasses() {
        cachalot.invalidate("author", Publisher.class, "Category");

        assertThat(statements(unit, AUTHORS)).isEqualTo(1);
        assertThat(statements(unit, PUBLISHERS)).isEqualTo(1);
        assertThat(statements(unit, CATEGORIES)).isEqualTo(1);
        assertThat(statements(unit, PAYMENTS)).as("not named").isZero();
        assertThat(unit.read(CATEGORIES)).isEqualTo(4);
    }

    @Test
    void invalidatingNothingInParticularInvalidatesEveryTable() {
        cachalot.invalidate();

        for (Function<EntityManager, ?> read
                : List.of(AUTHORS, PUBLISHERS, CATEGORIES, PAYMENTS, VEHICLE_NAMES, CAR_DOORS, BIKE_GEARS)) {
            assertThat(statements(unit, read)).isEqualTo(1);
        }
        assertThat(unit.read(PAYMENTS)).isEqualTo(2);
    }

    @Test
    void unknownTableIsRejectedWithItsNameAndNothingIsInvalidated() {
        assertThatIllegalArgumentException().isThrownBy(() -> cachalot.invalidate("author", "no_such_table"))
                .withMessageContaining("no_such_table");

        assertThat(statements(unit, AUTHORS)).as("the valid name before it was not invalidated either").isZero();
    }

    @Test
    void namesGivenAgainResolveAsTheFirstTimeAndUnknownOnesFailEveryTime() {
        for (int call = 1; call <= 2; call++) {
            unit.outside("INSERT INTO author (id, name) VALUES (" + (20 + call) + ", 'Outside')");
            cachalot.invalidate("author", Publisher.class);

            assertThat(unit.read(AUTHORS)).as("call " + call).isEqualTo(4 + call);
            assertThat(statements(unit, PUBLISHERS)).as("call " + call).isEqualTo(1);
            assertThat(statements(unit, CATEGORIES)).as("call " + call).isZero();
            assertThatIllegalArgumentException().isThrownBy(() -> cachalot.invalidate("author", "no_such_table"))
                    .withMessageContaining("no_such_table");
        }
    }

    @Test
    void classThatIsNoEntityIsRejectedWithItsName() {
        assertThatIllegalArgumentException().isThrownBy(() -> cachalot.invalidate(String.class))
                .withMessageContaining("java.lang.String");
        assertThatIllegalArgumentException().isThrownBy(() -> cachalot.lastInvalidation("Nobody"))
                .withMessageContaining("Nobody");
        assertThatIllegalArgumentException().isThrownBy(() -> cachalot.versionTag(42))
                .withMessageContaining("42");
    }

    @Test
    void nullIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> cachalot.invalidate((Object) null))
                .withMessageContaining("null");
        assertThatIllegalArgumentException().isThrownBy(() -> cachalot.invalidate((Object[]) null))
                .withMessageContaining("null");
        assertThatIllegalArgumentException().isThrownBy(() -> cachalot.lastInvalidation("author", null))
                .withMessageContaining("null");

        assertThat(statements(unit, AUTHORS)).as("nothing was invalidated").isZero();
    }

    private static Function<EntityManager, List<?>> nativeRead(String sql) {
        return em -> em.createNativeQuery(sql).getResultList();
    }
}
