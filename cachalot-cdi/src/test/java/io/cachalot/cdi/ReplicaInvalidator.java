package io.cachalot.cdi;

import io.cachalot.Cachalot;
import io.cachalot.PostInvalidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

// tag::replica-invalidator[]
@ApplicationScoped
public class ReplicaInvalidator {

    @Inject
    @CachalotUnit("replica")
    Cachalot replica;

    void primaryChanged(@Observes PostInvalidation event) {
        if (event.persistenceUnit().equals("library")) {      // the unit that writes to the primary
            replica.invalidate(event.table());
        }
    }
}
// end::replica-invalidator[]
