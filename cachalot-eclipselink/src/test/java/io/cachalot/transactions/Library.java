package io.cachalot.transactions;

import jakarta.persistence.EntityManager;
import java.util.List;

/** Reads of the library fixtures that touch one table each and load no relation (one statement per miss). */
final class Library {

    private Library() {
    }

    static List<String> authorNames(EntityManager em) {
        return em.createQuery("SELECT a.name FROM Author a ORDER BY a.id", String.class).getResultList();
    }

    static List<String> publisherNames(EntityManager em) {
        return em.createQuery("SELECT p.name FROM Publisher p ORDER BY p.id", String.class).getResultList();
    }

    static List<String> categoryNames(EntityManager em) {
        return em.createQuery("SELECT c.name FROM Category c ORDER BY c.id", String.class).getResultList();
    }

    static long authorCount(EntityManager em) {
        return em.createQuery("SELECT COUNT(a) FROM Author a", Long.class).getSingleResult();
    }
}
