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
import io.cachalot.model.Sample;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;

/**
 * A small library: 3 authors, 2 publishers, 3 categories, 5 books with tags and categories, 6 reviews,
 * 2 cars, 1 bike, 2 card and 1 cash payment (see {@link #library}); three samples of every column type (see
 * {@link #samples}). Ids are fixed so tests can name rows.
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

    /**
     * Three {@link Sample} rows: 1 and 2 with a value in every column (all different between them), 3 with
     * every nullable column null and every primitive zero or false. As generated, {@code decimalValue} has no
     * scale (it holds 12346 and -7) and {@code bigIntValue} is a BIGINT; {@code preciseDecimal} keeps four
     * decimals.
     */
    public static void samples(TestUnit unit) {
        unit.write(em -> {
            Sample first = sample(1, "alpha", 42, 9_000_000_001L, (short) 12_345, (byte) -7, 2.5, 1.25f, true,
                    "12345.6789", "9123456789012345678", LocalDate.of(2024, 2, 29), LocalTime.of(13, 45, 30),
                    LocalDateTime.of(2024, 2, 29, 13, 45, 30), new Date(1_709_214_330_000L),
                    Timestamp.valueOf("2024-02-29 13:45:30.123"), new byte[] {1, 2, 3, -1},
                    Sample.Color.GREEN, Sample.Color.BLUE);
            first.preciseDecimal = new BigDecimal("-12345.6780");
            Sample second = sample(2, "beta", -1, -5L, (short) -2, (byte) 127, -0.75, 8.5f, false,
                    "-7.25", "-42", LocalDate.of(1999, 12, 31), LocalTime.of(0, 0, 1),
                    LocalDateTime.of(1999, 12, 31, 23, 59, 59), new Date(946_684_799_000L),
                    Timestamp.valueOf("1999-12-31 23:59:59.0"), new byte[] {0, 127, -128},
                    Sample.Color.RED, Sample.Color.GREEN);
            second.preciseDecimal = new BigDecimal("0.0001");
            em.persist(first);
            em.persist(second);
            em.persist(sample(3, null, 0, null, (short) 0, (byte) 0, 0, 0, false, null, null, null, null, null,
                    null, null, null, null, null));
        });
        unit.sql().reset();
    }

    private static Sample sample(long id, String text, int intValue, Long longValue, short shortValue,
            byte byteValue, double doubleValue, float floatValue, boolean boolValue, String decimal, String bigInt,
            LocalDate date, LocalTime time, LocalDateTime dateTime, Date legacyDate, Timestamp stamp, byte[] bytes,
            Sample.Color colorName, Sample.Color colorOrdinal) {
        Sample sample = new Sample();
        sample.id = id;
        sample.textValue = text;
        sample.intValue = intValue;
        sample.longValue = longValue;
        sample.shortValue = shortValue;
        sample.byteValue = byteValue;
        sample.doubleValue = doubleValue;
        sample.floatValue = floatValue;
        sample.boolValue = boolValue;
        sample.decimalValue = decimal == null ? null : new BigDecimal(decimal);
        sample.bigIntValue = bigInt == null ? null : new BigInteger(bigInt);
        sample.dateValue = date;
        sample.timeValue = time;
        sample.dateTimeValue = dateTime;
        sample.legacyDate = legacyDate;
        sample.stampValue = stamp;
        sample.bytesValue = bytes;
        sample.colorName = colorName;
        sample.colorOrdinal = colorOrdinal;
        return sample;
    }

    private static Book book(jakarta.persistence.EntityManager em, long id, String title, String price, int year,
            Author author, Publisher publisher, Category category) {
        Book book = new Book(id, title, new BigDecimal(price), LocalDate.of(year, 1, 1), author, publisher);
        book.getCategories().add(category);
        em.persist(book);
        return book;
    }
}
