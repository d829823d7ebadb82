package io.cachalot.templates.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Book {

    @Id
    private long id;
    private String title;
    private int published;
    @ManyToOne(optional = false)
    private Author author;

    protected Book() {
    }

    public Book(long id, String title, int published, Author author) {
        this.id = id;
        this.title = title;
        this.published = published;
        this.author = author;
    }

    public long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public int getPublished() {
        return published;
    }

    public Author getAuthor() {
        return author;
    }
}
