package io.cachalot.cdi;

import io.cachalot.model.Author;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;

/** Reads authors; one method runs with cachalot disabled. */
@ApplicationScoped
public class AuthorReader {

    List<String> names(EntityManagerFactory factory) {
        var em = factory.createEntityManager();
        try {
            return em.createQuery("SELECT a.name FROM Author a ORDER BY a.id", String.class).getResultList();
        } finally {
            em.close();
        }
    }

    @CachalotDisabled
    List<String> namesFromTheDatabase(EntityManagerFactory factory) {
        return names(factory);
    }
}
