package io.cachalot.cdi;

import io.cachalot.PostInvalidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.logging.Logger;

// tag::invalidation-log[]
@ApplicationScoped
public class InvalidationLog {

    private static final Logger LOG = Logger.getLogger(InvalidationLog.class.getName());

    void changed(@Observes PostInvalidation event) {
        LOG.info(event.table() + " changed in " + event.persistenceUnit() + " at " + event.at());
    }

    void changedLater(@ObservesAsync PostInvalidation event) {
        // runs on a container thread, after the synchronous observers: the place for slow work
        LOG.info(event.table() + " handled later, on " + Thread.currentThread().getName());
    }
}
// end::invalidation-log[]
