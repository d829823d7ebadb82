package io.cachalot.testing;

import io.cachalot.model.Author;
import io.cachalot.model.Bike;
import io.cachalot.model.Book;
import io.cachalot.model.Car;
import io.cachalot.model.CardPayment;
import io.cachalot.model.CashPayment;
import io.cachalot.model.Category;
import io.cachalot.model.Publisher;
import io.cachalot.model.Review;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A small library: 3 authors, 2 publishers, 3 categories, 5 books with tags and categories, 6 reviews,
 * 2 cars, 1 bike, 2 card and 1 cash payment. Ids are fixed so tests can name rows.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static void library(TestUnit unit) {
        unit.write(em -> {
            Author tolkien = new Author(1, "Tolkien", LocalDate.of(1892, 1, 3));
            Author leGuin = new Author(2, "Le Guin", LocalDate.of(1929, 10, 21));
            Author pratchett = new Author(3, "Pratchett", LocalDate.of(1948, 4, 28));
            Publisher allen = new Publisher(1, "Allen & Unwin");
            Publisher gollancz = new Publisher(2, "Gollancz");
            Category fantasy = new Category(1, "fantasy");
            Category scienceFiction = new Category(2, "science fiction");
            Category humour = new Category(3, "humour");
            for (Object entity : new Object[] {tolkien, leGuin, pratchett, allen, gollancz, fantasy, scienceFiction, humour}) {
                em.persist(entity);
            }
            Book hobbit = book(em, 1, "The Hobbit", "12.50", 1937, tolkien, allen, fantasy);
            Book rings = book(em, 2, "The Lord of the Rings", "30.00", 1954, tolkien, allen, fantasy);
            Book earthsea = book(em, 3, "A Wizard of Earthsea", "9.99", 1968, leGuin, gollancz, fantasy);
            Book dispossessed = book(em, 4, "The Dispossessed", "11.00", 1974, leGuin, gollancz, scienceFiction);
            Book colour = book(em, 5, "The Colour of Magic", "8.75", 1983, pratchett, gollancz, humour);
            hobbit.getTags().add("dragon");
            earthsea.getTags().add("wizard");
            earthsea.getTags().add("dragon");
            colour.getTags().add("wizard");
            colour.getCategories().add(fantasy);
            em.persist(new Review(1, hobbit, 5));
            em.persist(new Review(2, hobbit, 4));
            em.persist(new Review(3, rings, 5));
            em.persist(new Review(4, earthsea, 4));
            em.persist(new Review(5, dispossessed, 3));
            em.persist(new Review(6, colour, 5));
            em.persist(new Car(1, "Clio", 5));
            em.persist(new Car(2, "Mini", 3));
            em.persist(new Bike(3, "Brompton", 6));
            em.persist(new CardPayment(1, new BigDecimal("10.00"), "4111"));
            em.persist(new CardPayment(2, new BigDecimal("25.50"), "5500"));
            em.persist(new CashPayment(3, new BigDecimal("7.25"), "EUR"));
        });
        unit.sql().reset();
    }

    private static Book book(jakarta.persistence.EntityManager em, long id, String title, String price, int year,
            Author author, Publisher publisher, Category category) {
        Book book = new Book(id, title, new BigDecimal(price), LocalDate.of(year, 1, 1), author, publisher);
        book.getCategories().add(category);
        em.persist(book);
        return book;
    }
}
