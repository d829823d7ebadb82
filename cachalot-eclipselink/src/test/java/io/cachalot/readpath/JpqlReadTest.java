package io.cachalot.readpath;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Author;
import io.cachalot.model.Book;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

@ParameterizedClass
@EnumSource(Database.class)
class JpqlReadTest {

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void secondRunOfAQueryIsServedWithoutSql() {
        List<String> first = unit.read(em -> titles(em.createQuery("SELECT b FROM Book b ORDER BY b.id", Book.class).getResultList()));
        unit.sql().reset();
        List<String> second = unit.read(em -> titles(em.createQuery("SELECT b FROM Book b ORDER BY b.id", Book.class).getResultList()));
        assertThat(unit.sql().count()).isZero();
        assertThat(second).isEqualTo(first).hasSize(5);
    }

    @Test
    void firstRunGoesToTheDatabase() {
        int statements = unit.countStatements(() -> unit.read(em -> em.createQuery("SELECT a FROM Author a", Author.class).getResultList()));
        assertThat(statements).isEqualTo(1);
    }

    @Test
    void persistInvalidatesTheTable() {
        unit.read(em -> em.createQuery("SELECT COUNT(b) FROM Book b", Long.class).getSingleResult());
        unit.write(em -> em.persist(new Book(9, "New", null, null, null, null)));
        unit.sql().reset();
        long count = unit.read(em -> em.createQuery("SELECT COUNT(b) FROM Book b", Long.class).getSingleResult());
        assertThat(count).isEqualTo(6);
        assertThat(unit.sql().count()).isEqualTo(1);
    }

    private static List<String> titles(List<Book> books) {
        return books.stream().map(Book::getTitle).toList();
    }
}
