package io.cachalot.cdi;

import io.cachalot.CachalotConfigurationException;
import io.cachalot.Cachalot;
import io.cachalot.PostInvalidation;
import io.cachalot.eclipselink.CachalotUnits;
import io.cachalot.eclipselink.ConfigSources;
import io.cachalot.engine.Settings;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Cachalot's CDI portable extension, found through {@code META-INF/services} (no {@code beans.xml} needed):
 * <ul>
 * <li>{@code @Inject Cachalot} (the only unit running cachalot) and {@code @Inject @CachalotUnit("name") Cachalot};
 *     the unit is looked up when the API is used, so it may start before or after the container;</li>
 * <li>every {@link PostInvalidation} of every unit is fired as a CDI event, to {@code @Observes} and
 *     {@code @ObservesAsync} observers, after the commit that caused it;</li>
 * <li>the {@link CachalotDisabled} interceptor;</li>
 * <li>a bad {@code cachalot.*} value (in a persistence unit that failed to start, or a system property) fails
 *     the deployment with a message naming the property.</li>
 * </ul>
 */
public class CachalotExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(CachalotExtension.class.getName());

    private final List<Runnable> onShutdown = new CopyOnWriteArrayList<>();

    void addBeans(@Observes BeforeBeanDiscovery discovery, BeanManager beans) {
        discovery.addAnnotatedType(beans.createAnnotatedType(CachalotDisabledInterceptor.class),
                CachalotDisabledInterceptor.class.getName());
        discovery.addAnnotatedType(beans.createAnnotatedType(CachalotProducer.class), CachalotProducer.class.getName());
    }

    void validateAndListen(@Observes AfterDeploymentValidation validation, BeanManager beans) {
        for (Map.Entry<String, RuntimeException> failure : CachalotUnits.failures().entrySet()) {
            validation.addDeploymentProblem(new DeploymentException("cachalot: persistence unit "
                    + failure.getKey() + " cannot start: " + failure.getValue().getMessage(), failure.getValue()));
        }
        try {
            Settings.from(ConfigSources::lookup);
        } catch (CachalotConfigurationException e) {
            validation.addDeploymentProblem(new DeploymentException("cachalot: " + e.getMessage(), e));
        }
        Event<PostInvalidation> events = beans.getEvent().select(PostInvalidation.class);
        Consumer<Cachalot> unitStarted = cachalot -> {
            Consumer<PostInvalidation> forward = event -> fire(events, event);
            cachalot.addListener(forward);
            onShutdown.add(() -> cachalot.removeListener(forward));
        };
        CachalotUnits.onStart(unitStarted);
        onShutdown.add(() -> CachalotUnits.removeStartListener(unitStarted));
    }

    void stopListening(@Observes BeforeShutdown shutdown) {
        onShutdown.forEach(Runnable::run);
        onShutdown.clear();
    }

    /** Synchronous observers first; asynchronous ones are told even when a synchronous one failed. */
    private static void fire(Event<PostInvalidation> events, PostInvalidation event) {
        try {
            events.fire(event);
        } finally {
            fireAsync(events, event);
        }
    }

    private static void fireAsync(Event<PostInvalidation> events, PostInvalidation event) {
        events.fireAsync(event).exceptionally(failure -> {
            LOG.log(Level.WARNING, "cachalot: an asynchronous PostInvalidation observer failed for table "
                    + event.table(), failure);
            return event;
        });
    }
}
