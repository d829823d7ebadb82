package io.cachalot.cdi;

import io.cachalot.Cachalot;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;

/** Produces the injectable {@link Cachalot}; added to the application by {@link CachalotExtension}. */
@Dependent
public class CachalotProducer {

    /** The only persistence unit running cachalot, looked up when the API is used. */
    @Produces
    @Default
    Cachalot onlyUnit() {
        return Cachalot.forUnit(null);
    }

    /** The unit named by the injection point's {@link CachalotUnit}. */
    @Produces
    @CachalotUnit("")
    Cachalot namedUnit(InjectionPoint injection) {
        String unit = injection.getQualifiers().stream()
                .filter(CachalotUnit.class::isInstance)
                .map(qualifier -> ((CachalotUnit) qualifier).value())
                .findFirst()
                .orElseThrow();
        return Cachalot.forUnit(unit);
    }
}
