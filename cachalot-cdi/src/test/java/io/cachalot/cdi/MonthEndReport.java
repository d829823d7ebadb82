package io.cachalot.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

// tag::month-end-report[]
@ApplicationScoped
public class MonthEndReport {

    @PersistenceUnit(unitName = "library")
    EntityManagerFactory emf;

    @CachalotDisabled
    public long books() {
        // every query here, and in what it calls on this thread, reads the database
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT COUNT(b) FROM Book b", Long.class).getSingleResult();
        } finally {
            em.close();
        }
    }
}
// end::month-end-report[]
