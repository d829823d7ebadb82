package io.cachalot.cdi;

import io.cachalot.PostInvalidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An application bean observing invalidations, synchronously and asynchronously. */
@ApplicationScoped
public class InvalidationObserver {

    private final List<PostInvalidation> received = new CopyOnWriteArrayList<>();
    private final List<PostInvalidation> receivedAsync = new CopyOnWriteArrayList<>();

    public List<PostInvalidation> received() {
        return received;
    }

    public List<PostInvalidation> receivedAsync() {
        return receivedAsync;
    }

    public void clear() {
        received.clear();
        receivedAsync.clear();
    }

    void onInvalidation(@Observes PostInvalidation event) {
        received.add(event);
    }

    void onInvalidationAsync(@ObservesAsync PostInvalidation event) {
        receivedAsync.add(event);
    }
}
