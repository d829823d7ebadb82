package io.cachalot.readpath;

import static io.cachalot.readpath.CachedReads.missThenHit;
import static io.cachalot.readpath.CachedReads.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Author;
import io.cachalot.model.Book;
import io.cachalot.model.Category;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Queries over the element collection (book_tag) and the many-to-many join table (book_category). */
@ParameterizedClass
@EnumSource(Database.class)
class CollectionQueryReadTest {

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void elementCollectionValuesAreServedFromCacheUntilTheCollectionTableChanges() {
        List<String> dragon = missThenHit(unit, em -> titlesTagged(em, "dragon"));
        assertThat(dragon).containsExactly("The Hobbit", "A Wizard of Earthsea");
        List<String> wizard = missThenHit(unit, em -> titlesTagged(em, "wizard"));
        assertThat(wizard).containsExactly("A Wizard of Earthsea", "The Colour of Magic");
        unit.write(em -> em.find(Book.class, 5L).getTags().add("dragon"));
        List<String> dragonAfterWrite = missThenHit(unit, em -> titlesTagged(em, "dragon"));
        assertThat(dragonAfterWrite).containsExactly("The Hobbit", "A Wizard of Earthsea", "The Colour of Magic");
        List<String> tagsOfFive = missThenHit(unit, em -> em.createQuery(
                "SELECT t FROM Book b JOIN b.tags t WHERE b.id = :id ORDER BY t", String.class).setParameter("id", 5L).getResultList());
        assertThat(tagsOfFive).containsExactly("dragon", "wizard");
    }

    @Test
    void manyToManyJoinIsServedFromCache() {
        List<List<Object>> perCategory = missThenHit(unit, em -> rows(em.createQuery(
                "SELECT c.name, COUNT(b) FROM Book b JOIN b.categories c GROUP BY c.name ORDER BY c.name").getResultList()));
        assertThat(perCategory).containsExactly(List.of("fantasy", 4L), List.of("humour", 1L), List.of("science fiction", 1L));
    }

    @Test
    void entityParametersAreServedFromCachePerEntity() {
        List<String> fantasy = missThenHit(unit, em -> titlesIn(em, em.find(Category.class, 1L)));
        assertThat(fantasy).containsExactly("The Hobbit", "The Lord of the Rings", "A Wizard of Earthsea", "The Colour of Magic");
        List<String> humour = missThenHit(unit, em -> titlesIn(em, em.find(Category.class, 3L)));
        assertThat(humour).containsExactly("The Colour of Magic");
        List<String> byAuthor = missThenHit(unit, em -> em.createQuery("SELECT b.title FROM Book b WHERE b.author = :author"
                + " ORDER BY b.id", String.class).setParameter("author", em.find(Author.class, 3L)).getResultList());
        assertThat(byAuthor).containsExactly("The Colour of Magic");
    }

    private static List<String> titlesTagged(EntityManager em, String tag) {
        return em.createQuery("SELECT b.title FROM Book b WHERE :tag MEMBER OF b.tags ORDER BY b.id", String.class)
                .setParameter("tag", tag).getResultList();
    }

    private static List<String> titlesIn(EntityManager em, Category category) {
        return em.createQuery("SELECT b.title FROM Book b WHERE :category MEMBER OF b.categories ORDER BY b.id", String.class)
                .setParameter("category", category).getResultList();
    }
}
