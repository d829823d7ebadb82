package io.cachalot.api;

import static io.cachalot.api.Reads.cache;
import static io.cachalot.api.Reads.count;
import static io.cachalot.api.Reads.statements;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.Cachalot;
import io.cachalot.model.Category;
import io.cachalot.model.Publisher;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code Cachalot.versionTag}: changes exactly when a cached read of one of its tables would stop being served. */
@ParameterizedClass
@EnumSource(Database.class)
class VersionTagTest {

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
    void tagChangesWhenAnyListedTableIsWritten() {
        cache(unit, count("Publisher"));
        String before = cachalot.versionTag("author", "publisher");

        unit.write(em -> em.find(Publisher.class, 2L).setName("Gollancz SF"));

        assertThat(statements(unit, count("Publisher"))).isEqualTo(1);
        String after = cachalot.versionTag("author", "publisher");
        assertThat(after).isNotEqualTo(before);
        assertThat(cachalot.versionTag("author", "publisher")).as("stable until the next invalidation")
                .isEqualTo(after);
    }

    @Test
    void tagChangesWhenAListedTableIsInvalidatedThroughTheApi() {
        String before = cachalot.versionTag("author", Category.class);

        cachalot.invalidate("category");

        assertThat(cachalot.versionTag("author", Category.class)).isNotEqualTo(before);
    }

    @Test
    void tagStaysWhileOnlyOtherTablesChange() {
        cache(unit, count("Author"));
        String before = cachalot.versionTag("author", "publisher");

        unit.write(em -> em.persist(new Category(4, "poetry")));
        cachalot.invalidate("vehicle", "payment");

        assertThat(cachalot.versionTag("author", "publisher")).isEqualTo(before);
        assertThat(statements(unit, count("Author"))).as("and the author read is still served").isZero();
    }
}
