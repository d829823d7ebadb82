package io.cachalot.templates.testing;

import io.cachalot.Cachalot;
import io.cachalot.templates.model.Author;
import io.cachalot.templates.model.Book;
import io.cachalot.templates.model.Review;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The test persistence unit {@code templates} (H2 in memory, cachalot installed), started once per test JVM,
 * with the library data set and a counter of the statements that reach the database.
 */
public final class TemplatesUnit {

    public static final String UNIT = "templates";
    /** The unit's in-memory database (persistence.xml keeps it open with DB_CLOSE_DELAY=-1). */
    private static final String URL = "jdbc:h2:mem:templates";
    private static TemplatesUnit shared;

    private final EntityManagerFactory factory;
    private final Cachalot cachalot;
    private final SqlCounter sql;

    private TemplatesUnit() {
        this.factory = Persistence.createEntityManagerFactory(UNIT);
        this.cachalot = Cachalot.of(factory);
        this.sql = new SqlCounter(URL);
    }

    /** The unit, with the library data set freshly written (which invalidates every table). */
    public static synchronized TemplatesUnit withLibrary() {
        if (shared == null) {
            shared = new TemplatesUnit();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.factory::close));
        }
        shared.seed();
        return shared;
    }

    public Cachalot cachalot() {
        return cachalot;
    }

    public EntityManagerFactory factory() {
        return factory;
    }

    /** Counts the statements that reach the database. */
    public SqlCounter sql() {
        return sql;
    }

    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** Runs {@code work} in a committed RESOURCE_LOCAL transaction. */
    public void write(Consumer<EntityManager> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /**
     * Authors 1-3, books 1-5 (two by author 1, two by author 2, one by author 3), one review; ids are fixed.
     */
    private void seed() {
        write(em -> {
            em.createQuery("delete from Review").executeUpdate();
            em.createQuery("delete from Book").executeUpdate();
            em.createQuery("delete from Author").executeUpdate();
        });
        write(em -> {
            Author leGuin = new Author(1, "Ursula K. Le Guin");
            Author asimov = new Author(2, "Isaac Asimov");
            Author butler = new Author(3, "Octavia E. Butler");
            em.persist(leGuin);
            em.persist(asimov);
            em.persist(butler);
            em.persist(new Book(1, "A Wizard of Earthsea", 1968, leGuin));
            em.persist(new Book(2, "The Left Hand of Darkness", 1969, leGuin));
            em.persist(new Book(3, "Foundation", 1951, asimov));
            em.persist(new Book(4, "I, Robot", 1950, asimov));
            em.persist(new Book(5, "Kindred", 1979, butler));
            em.persist(new Review(1, 3, 5));
        });
    }
}
