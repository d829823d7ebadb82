package io.cachalot.cdi;

import io.cachalot.PostInvalidation;
import io.cachalot.model.Author;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// tag::author-summaries[]
@ApplicationScoped
public class AuthorSummaries {

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    @PersistenceUnit(unitName = "library")
    EntityManagerFactory emf;

    public String longestName() {
        return cache.computeIfAbsent("longest-name", key -> {
            EntityManager em = emf.createEntityManager();
            try {
                return em.createQuery("SELECT a FROM Author a", Author.class).getResultList().stream()
                        .map(Author::getName).reduce((a, b) -> a.length() >= b.length() ? a : b).orElse("");
            } finally {
                em.close();
            }
        });
    }

    void authorsChanged(@Observes PostInvalidation event) {
        if (event.table().equalsIgnoreCase("author")) {
            cache.clear();
        }
    }
}
// end::author-summaries[]
