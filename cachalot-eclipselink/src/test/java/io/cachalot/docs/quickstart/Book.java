package io.cachalot.docs.quickstart;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The entity of docs/quickstart.md. */
// tag::entity[]
@Entity
public class Book {

    @Id
    private long id;
    private String title;

    protected Book() {
    }

    public Book(long id, String title) {
        this.id = id;
        this.title = title;
    }

    public String getTitle() {
        return title;
    }
}
// end::entity[]
