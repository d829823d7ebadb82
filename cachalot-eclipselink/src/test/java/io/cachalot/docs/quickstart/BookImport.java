package io.cachalot.docs.quickstart;

import io.cachalot.Cachalot;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

/** The bean of docs/quickstart.md that gets the API from its persistence unit, without the CDI module. */
// tag::bean-without-cdi[]
public class BookImport {                   // an EJB (@Stateless), or any component the server injects

    @PersistenceUnit(unitName = "library")
    private EntityManagerFactory emf;

    public void afterNightlyLoad() {        // the load wrote BOOK with plain JDBC: cachalot did not see it
        Cachalot.of(emf).invalidate(Book.class);
    }
}
// end::bean-without-cdi[]
