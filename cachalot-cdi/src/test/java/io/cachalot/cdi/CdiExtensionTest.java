package io.cachalot.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.Cachalot;
import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The extension in Weld SE, found through META-INF/services (it is never added by hand here, and no archive
 * has a beans.xml), with the one
 * persistence unit of this JVM (each test class of this module runs in its own JVM).
 */
@EnableWeld
class CdiExtensionTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld().enableDiscovery()
            .addBeanClasses(InvalidationObserver.class, AuthorReader.class)).build();

    @Inject
    Cachalot cachalot;

    @Inject
    @CachalotUnit("cachalot-test-H2")
    Cachalot named;

    @Inject
    InvalidationObserver observer;

    @Inject
    AuthorReader reader;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(Database.H2);
        Fixtures.library(unit);
        observer.clear();
    }

    @Test
    void injectedCachalotIsTheUnitsApi() {
        reader.names(unit.factory());
        assertThat(unit.countStatements(() -> reader.names(unit.factory()))).isZero();
        cachalot.invalidate("author");
        assertThat(unit.countStatements(() -> reader.names(unit.factory()))).isEqualTo(1);
        assertThat(cachalot.persistenceUnit()).isEqualTo("cachalot-test-H2");
    }

    @Test
    void qualifierSelectsTheUnitByName() {
        reader.names(unit.factory());
        named.invalidate(Author.class);
        assertThat(unit.countStatements(() -> reader.names(unit.factory()))).isEqualTo(1);
    }

    @Test
    void committedWriteIsObservedOncePerTable() {
        unit.write(em -> {
            em.find(Author.class, 1L).setName("J.R.R. Tolkien");
            em.find(Author.class, 2L).setName("Ursula K. Le Guin");
        });
        assertThat(observer.received()).extracting(event -> event.table()).containsExactly("AUTHOR");
        assertThat(observer.received().get(0).local()).isTrue();
        assertThat(observer.received().get(0).persistenceUnit()).isEqualTo("cachalot-test-H2");
    }

    @Test
    void rolledBackWriteIsNeverObserved() {
        var em = unit.factory().createEntityManager();
        em.getTransaction().begin();
        em.find(Author.class, 1L).setName("Nobody");
        em.flush();
        em.getTransaction().rollback();
        em.close();
        assertThat(observer.received()).isEmpty();
    }

    @Test
    void asynchronousObserversReceiveTheEvent() throws InterruptedException {
        cachalot.invalidate("publisher");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (observer.receivedAsync().stream().noneMatch(event -> event.table().equals("PUBLISHER"))
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(observer.receivedAsync()).extracting(event -> event.table()).contains("PUBLISHER");
    }

    @Test
    void disabledMethodReadsFromTheDatabaseEveryTime() {
        reader.names(unit.factory());
        assertThat(unit.countStatements(() -> reader.namesFromTheDatabase(unit.factory()))).isEqualTo(1);
        assertThat(unit.countStatements(() -> reader.namesFromTheDatabase(unit.factory()))).isEqualTo(1);
        assertThat(unit.countStatements(() -> reader.names(unit.factory()))).isZero();
    }
}
