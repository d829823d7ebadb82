package io.cachalot.sample.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import java.util.ArrayList;
import java.util.List;

/** A writer. Table {@code AUTHOR}; the books are the inverse side of {@link Book#getAuthors()}. */
@Entity
public class Author {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "author_seq")
    @SequenceGenerator(name = "author_seq", allocationSize = 50)
    private int id;

    private String name;

    private int born;

    @ManyToMany(mappedBy = "authors")
    private List<Book> books = new ArrayList<>();

    protected Author() {
    }

    public Author(String name, int born) {
        this.name = name;
        this.born = born;
    }

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getBorn() {
        return born;
    }

    public List<Book> getBooks() {
        return books;
    }
}
