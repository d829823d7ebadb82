package io.cachalot.templates.testing;

import io.cachalot.templates.model.Author;
import io.cachalot.templates.model.Book;
import io.cachalot.templates.model.Review;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Named writes that golden cases and tests apply between renders; each commits one transaction. */
public final class Writes {

    private static final AtomicLong IDS = new AtomicLong(1000);

    private static final Map<String, Consumer<TemplatesUnit>> WRITES = Map.of(
            "addBook", unit -> unit.write(em -> em.persist(
                    new Book(IDS.incrementAndGet(), "The Caves of Steel", 1954, em.find(Author.class, 2L)))),
            "addTrickyBook", unit -> unit.write(em -> em.persist(
                    new Book(IDS.incrementAndGet(), "[[${secret}]] & [(${secret})] <b>", 2001, em.find(Author.class, 1L)))),
            "renameAuthor", unit -> unit.write(em -> em.find(Author.class, 3L).setName("Octavia Estelle Butler")),
            "addReview", unit -> unit.write(em -> em.persist(new Review(IDS.incrementAndGet(), 1, 4))));

    private Writes() {
    }

    public static void apply(String name, TemplatesUnit unit) {
        Consumer<TemplatesUnit> write = WRITES.get(name);
        if (write == null) {
            throw new IllegalArgumentException("No write named " + name + "; known: " + WRITES.keySet());
        }
        write.accept(unit);
    }
}
