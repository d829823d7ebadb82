package io.cachalot.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "review")
public class Review {
    @Id
    private long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "book_id")
    private Book book;
    private int stars;
    private String created_at_note;

    protected Review() {
    }

    public Review(long id, Book book, int stars) {
        this.id = id;
        this.book = book;
        this.stars = stars;
    }

    public long getId() {
        return id;
    }

    public Book getBook() {
        return book;
    }

    public int getStars() {
        return stars;
    }

    public void setStars(int stars) {
        this.stars = stars;
    }
}
