package io.cachalot.cdi;

import io.cachalot.testing.TestUnit;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.persistence.PersistenceUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/** Does what a server does for {@code @PersistenceUnit(unitName = "library")}: gives the test's unit. */
final class LibraryUnit {

    private LibraryUnit() {
    }

    /** For {@code WeldInitiator.Builder.setPersistenceUnitFactory}; any other unit name is refused. */
    static Function<InjectionPoint, Object> factory(Supplier<TestUnit> unit) {
        return point -> {
            String name = point.getAnnotated().getAnnotation(PersistenceUnit.class).unitName();
            if (!name.equals("library")) {
                throw new IllegalArgumentException("No persistence unit named '" + name + "' in this test");
            }
            return unit.get().factory();
        };
    }
}
