package io.cachalot.api;

import static io.cachalot.api.Reads.cache;
import static io.cachalot.api.Reads.count;
import static io.cachalot.api.Reads.statements;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.Cachalot;
import io.cachalot.CachalotProperties;
import io.cachalot.model.Author;
import io.cachalot.model.Publisher;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code Cachalot.lastInvalidation}: empty until a table is first invalidated, then the latest instant. */
@ParameterizedClass
@EnumSource(Database.class)
class LastInvalidationTest {

    @Parameter
    Database database;

    TestUnit unit;
    Cachalot cachalot;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
        cachalot = unit.cachalot();
    }

    @Test
    void tableNeverInvalidatedHasNoLastInvalidation() {
        String legacy = "legacy_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> properties = Map.of(CachalotProperties.ADDITIONAL_TABLES, legacy);
        try (TestUnit withLegacy = TestUnit.withProperties(database, properties)) {
            Cachalot api = withLegacy.cachalot();
            assertThat(api.lastInvalidation(legacy)).isEmpty();

            api.invalidate(legacy);

            assertThat(api.lastInvalidation(legacy)).isPresent();
        }
    }

    @Test
    void lastInvalidationIsWhenTheTableWasInvalidated() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        cachalot.invalidate("author");
        Instant after = Instant.now();

        assertThat(cachalot.lastInvalidation("author"))
                .hasValueSatisfying(at -> assertThat(at).isBetween(before, after));
        assertThat(cachalot.lastInvalidation(Author.class)).isEqualTo(cachalot.lastInvalidation("author"));
    }

    @Test
    void committedWriteMovesLastInvalidationForward() {
        cache(unit, count("Author"));
        Instant first = cachalot.lastInvalidation("author").orElseThrow();
        waitForTheClockToPass(first);

        unit.write(em -> em.persist(new Author(4, "Herbert", null)));

        assertThat(statements(unit, count("Author"))).isEqualTo(1);
        assertThat(cachalot.lastInvalidation("author")).hasValueSatisfying(at -> assertThat(at).isAfter(first));
    }

    @Test
    void lastInvalidationOfSeveralTablesIsTheMostRecent() {
        cachalot.invalidate("author");
        Instant author = cachalot.lastInvalidation("author").orElseThrow();
        waitForTheClockToPass(author);
        unit.write(em -> em.find(Publisher.class, 1L).setName("Unwin"));
        Instant publisher = cachalot.lastInvalidation("publisher").orElseThrow();

        assertThat(publisher).isAfter(author);
        assertThat(cachalot.lastInvalidation("author", Publisher.class)).contains(publisher);
        assertThat(cachalot.lastInvalidation(Publisher.class, "author")).contains(publisher);
        assertThat(cachalot.lastInvalidation()).hasValueSatisfying(any -> assertThat(any).isAfterOrEqualTo(publisher));
    }

    private static void waitForTheClockToPass(Instant instant) {
        while (!Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(instant)) {
            Thread.onSpinWait();
        }
    }
}
