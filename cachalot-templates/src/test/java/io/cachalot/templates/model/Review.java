package io.cachalot.templates.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A table no cached fragment of the tests lists (unless a test says so): writes to it must not re-render. */
@Entity
public class Review {

    @Id
    private long id;
    private long bookId;
    private int stars;

    protected Review() {
    }

    public Review(long id, long bookId, int stars) {
        this.id = id;
        this.bookId = bookId;
        this.stars = stars;
    }

    public long getId() {
        return id;
    }

    public long getBookId() {
        return bookId;
    }

    public int getStars() {
        return stars;
    }
}
