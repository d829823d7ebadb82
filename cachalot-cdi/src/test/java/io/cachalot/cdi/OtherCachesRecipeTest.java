package io.cachalot.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.PostInvalidation;
import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's second recipe as a CDI observer: the application keeps its own cache of values derived from
 * some tables, and drops them when cachalot invalidates those tables.
 */
@EnableWeld
class OtherCachesRecipeTest {

    /** An application cache of values computed from the author table. */
    @ApplicationScoped
    public static class AuthorSummaries {
        private final Map<String, String> cache = new ConcurrentHashMap<>();
        private final AtomicInteger computations = new AtomicInteger();

        String longestName(TestUnit unit) {
            return cache.computeIfAbsent("longest-name", key -> {
                computations.incrementAndGet();
                return unit.read(em -> em.createQuery("SELECT a FROM Author a", Author.class).getResultList()
                        .stream().map(Author::getName).reduce((a, b) -> a.length() >= b.length() ? a : b).orElse(""));
            });
        }

        int computations() {
            return computations.get();
        }

        void authorsChanged(@Observes PostInvalidation event) {
            if (event.table().equalsIgnoreCase("author")) {
                cache.clear();
            }
        }
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld().enableDiscovery()
            .addBeanClasses(AuthorSummaries.class)).build();

    @Inject
    AuthorSummaries summaries;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(Database.H2);
        Fixtures.library(unit);
    }

    @Test
    void theApplicationCacheIsDroppedWhenItsTableChanges() {
        assertThat(summaries.longestName(unit)).isEqualTo("Pratchett");
        assertThat(summaries.longestName(unit)).isEqualTo("Pratchett");
        int computed = summaries.computations();

        unit.write(em -> em.find(Author.class, 2L).setName("Ursula Kroeber Le Guin"));

        assertThat(summaries.longestName(unit)).isEqualTo("Ursula Kroeber Le Guin");
        assertThat(summaries.computations()).isEqualTo(computed + 1);
    }

    @Test
    void anUnrelatedWriteKeepsTheApplicationCache() {
        summaries.longestName(unit);
        int computed = summaries.computations();
        unit.write(em -> em.createNativeQuery("UPDATE publisher SET name = 'Gollancz Ltd' WHERE id = 2").executeUpdate());
        summaries.longestName(unit);
        assertThat(summaries.computations()).isEqualTo(computed);
    }
}
