package io.cachalot.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.cachalot.Cachalot;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * API input that io.cachalot.api's tests do not try: blank names, a quoted name in the wrong case (another
 * table to the database), schema-qualified names, nulls where an object is required, unknown units. Each
 * gets an exception naming what is wrong, and a rejected call invalidates nothing.
 */
@ParameterizedClass
@EnumSource(Database.class)
class ApiInputTest {

    @Parameter
    Database database;

    TestUnit unit;
    Cachalot cachalot;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
        cachalot = unit.cachalot();
        authors();
    }

    @Test
    void blankNamesAreRejectedAndInvalidateNothing() {
        for (String blank : List.of("", "   ", "\t")) {
            assertThatIllegalArgumentException().isThrownBy(() -> cachalot.invalidate("author", blank))
                    .withMessageContaining("Not a table name");
            assertThatIllegalArgumentException().isThrownBy(() -> cachalot.versionTag(blank));
        }

        assertThat(unit.countStatements(this::authors)).as("author was not invalidated").isZero();
    }

    @Test
    void quotedNameInTheWrongCaseIsAnotherTableAndIsRejected() {
        String wrongCase = switch (database) {
            case H2 -> "\"author\"";
            case POSTGRESQL -> "\"AUTHOR\"";
            case MARIADB -> "`AUTHOR`";
        };

        assertThatIllegalArgumentException().isThrownBy(() -> cachalot.invalidate(wrongCase))
                .withMessageContaining(wrongCase);
        assertThat(unit.countStatements(this::authors)).isZero();
    }

    @Test
    void unquotedAndSchemaQualifiedNamesFollowTheDatabaseRules() {
        String written = database == Database.MARIADB ? "author" : "AUTHOR";
        String qualified = (database == Database.POSTGRESQL ? "public." : database == Database.H2 ? "PUBLIC." : Database.TEST_DATABASE + ".")
                + written;

        cachalot.invalidate(written);
        int afterUnquoted = unit.countStatements(this::authors);
        cachalot.invalidate(qualified);
        int afterQualified = unit.countStatements(this::authors);

        assertThat(afterUnquoted).isEqualTo(1);
        assertThat(afterQualified).isEqualTo(1);
    }

    @Test
    void missingObjectsAreNamed() {
        assertThatNullPointerException().isThrownBy(() -> Cachalot.of((EntityManagerFactory) null))
                .withMessageContaining("entityManagerFactory");
        assertThatNullPointerException().isThrownBy(() -> cachalot.addListener(null)).withMessageContaining("listener");
        assertThatIllegalStateException().isThrownBy(() -> Cachalot.forUnit("no-such-unit").tables())
                .withMessageContaining("no-such-unit");
        assertThat(unit.countStatements(this::authors)).isZero();
    }

    @Test
    void noArgumentMeansEveryTableForEveryMethod() {
        String before = cachalot.versionTag();

        unit.outside("UPDATE category SET name = 'epic' WHERE id = 1");
        cachalot.invalidate("category");

        assertThat(cachalot.versionTag()).as("a change to any one table changes the tag of all").isNotEqualTo(before);
        assertThat(cachalot.lastInvalidation()).isPresent();
        assertThat(unit.countStatements(this::authors)).as("but only category was invalidated").isZero();
    }

    private List<String> authors() {
        return unit.read(em -> em.createQuery("SELECT a.name FROM Author a ORDER BY a.id", String.class).getResultList());
    }
}
