package io.cachalot.readpath;

import static io.cachalot.readpath.CachedReads.missThenHit;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Bike;
import io.cachalot.model.Car;
import io.cachalot.model.CardPayment;
import io.cachalot.model.CashPayment;
import io.cachalot.model.Payment;
import io.cachalot.model.Vehicle;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** JOINED (vehicle, car, bike) and SINGLE_TABLE (payment) hierarchies, queried on the root and on a subclass. */
@ParameterizedClass
@EnumSource(Database.class)
class InheritanceReadTest {

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void joinedRootQueryBuildsEverySubclassFromCachedRows() {
        assertThat(missThenHit(unit, InheritanceReadTest::vehicles))
                .containsExactly("Car Clio doors=5", "Car Mini doors=3", "Bike Brompton gears=6");
    }

    @Test
    void joinedSubclassQueryIsServedFromCache() {
        List<String> cars = missThenHit(unit, em -> em.createQuery("SELECT c FROM Car c WHERE c.doors > :doors ORDER BY c.id",
                Car.class).setParameter("doors", 3).getResultList().stream().map(c -> c.getName() + " " + c.getDoors()).toList());
        assertThat(cars).containsExactly("Clio 5");
    }

    @Test
    void writeToASubclassTableReachesTheCachedRootQuery() {
        missThenHit(unit, InheritanceReadTest::vehicles);
        unit.write(em -> em.find(Car.class, 2L).setDoors(5));
        assertThat(missThenHit(unit, InheritanceReadTest::vehicles))
                .containsExactly("Car Clio doors=5", "Car Mini doors=5", "Bike Brompton gears=6");
    }

    @Test
    void singleTableRootQueryBuildsEverySubclassFromCachedRows() {
        List<String> payments = missThenHit(unit, em -> em.createQuery("SELECT p FROM Payment p ORDER BY p.id", Payment.class)
                .getResultList().stream().map(InheritanceReadTest::describe).toList());
        assertThat(payments).containsExactly("CardPayment 1 4111", "CardPayment 2 5500", "CashPayment 3 EUR");
        List<Long> cash = missThenHit(unit, em -> em.createQuery(
                "SELECT p.id FROM Payment p WHERE TYPE(p) = CashPayment", Long.class).getResultList());
        assertThat(cash).containsExactly(3L);
    }

    @Test
    void singleTableSubclassQueryIsServedFromCache() {
        List<String> cards = missThenHit(unit, em -> em.createQuery("SELECT c FROM CardPayment c ORDER BY c.id DESC",
                CardPayment.class).getResultList().stream().map(InheritanceReadTest::describe).toList());
        assertThat(cards).containsExactly("CardPayment 2 5500", "CardPayment 1 4111");
    }

    private static List<String> vehicles(EntityManager em) {
        return em.createQuery("SELECT v FROM Vehicle v ORDER BY v.id", Vehicle.class).getResultList().stream()
                .map(InheritanceReadTest::describe).toList();
    }

    private static String describe(Vehicle vehicle) {
        if (vehicle instanceof Car car) {
            return "Car " + car.getName() + " doors=" + car.getDoors();
        }
        Bike bike = (Bike) vehicle;
        return "Bike " + bike.getName() + " gears=" + bike.getGears();
    }

    private static String describe(Payment payment) {
        String detail = payment instanceof CardPayment card ? card.getCardNumber() : ((CashPayment) payment).getCurrency();
        return payment.getClass().getSimpleName() + " " + payment.getId() + " " + detail;
    }
}
