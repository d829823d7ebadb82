package io.cachalot.cdi;

import io.cachalot.Cachalot;
import io.cachalot.PostInvalidation;
import io.cachalot.model.Book;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The CDI bean of docs/quickstart.md (QuickstartCdiTest). */
// tag::book-import[]
@ApplicationScoped
public class BookImport {

    @Inject
    Cachalot cachalot;                      // or @Inject @CachalotUnit("library") with several units

    private final List<String> changedTables = new CopyOnWriteArrayList<>();

    public void afterNightlyLoad() {        // the load wrote BOOK with plain JDBC: cachalot did not see it
        cachalot.invalidate(Book.class);
    }

    void tableChanged(@Observes PostInvalidation event) {
        changedTables.add(event.table());   // once per table, after each commit that wrote it or invalidate()
    }

    public List<String> changedTables() {
        return changedTables;
    }
}
// end::book-import[]
