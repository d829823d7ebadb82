package io.cachalot.uncachable;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.persistence.config.QueryHints;
import org.eclipse.persistence.queries.CursoredStream;
import org.eclipse.persistence.queries.ScrollableCursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Cursors read rows as they go: they are never cached and always see the database. */
@ParameterizedClass
@EnumSource(Database.class)
class CursorTest {

    private static final String ALL_AUTHORS = "SELECT a FROM Author a ORDER BY a.id";

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void cursoredStreamReachesTheDatabaseEveryTime() {
        for (int run = 1; run <= 2; run++) {
            List<String> names = new ArrayList<>();
            int statements = unit.countStatements(() -> names.addAll(unit.read(em -> {
                CursoredStream cursor = (CursoredStream) em.createQuery(ALL_AUTHORS)
                        .setHint(QueryHints.CURSOR, true).getSingleResult();
                try {
                    List<String> read = new ArrayList<>();
                    while (cursor.hasMoreElements()) {
                        read.add(((Author) cursor.nextElement()).getName());
                    }
                    return read;
                } finally {
                    cursor.close();
                }
            })));

            assertThat(statements).as("run " + run).isGreaterThanOrEqualTo(1);
            assertThat(names).containsExactly("Tolkien", "Le Guin", "Pratchett");
        }
    }

    @Test
    void scrollableCursorReachesTheDatabaseEveryTime() {
        for (int run = 1; run <= 2; run++) {
            List<String> names = new ArrayList<>();
            int statements = unit.countStatements(() -> names.addAll(unit.read(em -> {
                ScrollableCursor cursor = (ScrollableCursor) em.createQuery(ALL_AUTHORS)
                        .setHint(QueryHints.SCROLLABLE_CURSOR, true).getSingleResult();
                try {
                    List<String> read = new ArrayList<>();
                    while (cursor.hasNext()) {
                        read.add(((Author) cursor.next()).getName());
                    }
                    return read;
                } finally {
                    cursor.close();
                }
            })));

            assertThat(statements).as("run " + run).isGreaterThanOrEqualTo(1);
            assertThat(names).containsExactly("Tolkien", "Le Guin", "Pratchett");
        }
    }

    @Test
    void cursorSeesRowsTheCachedListDoesNotKnowAbout() {
        unit.read(em -> em.createQuery(ALL_AUTHORS, Author.class).getResultList());
        unit.outside("UPDATE author SET name = 'Changed outside' WHERE id = 2");

        List<String> cached = unit.read(em -> em.createQuery(ALL_AUTHORS, Author.class).getResultList()
                .stream().map(Author::getName).toList());
        List<String> streamed = unit.read(em -> {
            CursoredStream cursor = (CursoredStream) em.createQuery(ALL_AUTHORS).setHint(QueryHints.CURSOR, true).getSingleResult();
            try {
                List<String> read = new ArrayList<>();
                while (cursor.hasMoreElements()) {
                    read.add(((Author) cursor.nextElement()).getName());
                }
                return read;
            } finally {
                cursor.close();
            }
        });

        assertThat(cached).containsExactly("Tolkien", "Le Guin", "Pratchett");
        assertThat(streamed).containsExactly("Tolkien", "Changed outside", "Pratchett");
    }

    @Test
    void resultStreamGivesTheRowsAndSeesEveryCommittedWrite() {
        List<String> before = streamNames();
        unit.write(em -> em.find(Author.class, 3L).setName("Sir Terry"));

        List<String> after = new ArrayList<>();
        int statements = unit.countStatements(() -> after.addAll(streamNames()));

        assertThat(before).containsExactly("Tolkien", "Le Guin", "Pratchett");
        assertThat(after).containsExactly("Tolkien", "Le Guin", "Sir Terry");
        assertThat(statements).isGreaterThanOrEqualTo(1);
    }

    private List<String> streamNames() {
        return unit.read(em -> {
            try (Stream<Author> stream = em.createQuery(ALL_AUTHORS, Author.class).getResultStream()) {
                return stream.map(Author::getName).toList();
            }
        });
    }
}
