package io.cachalot.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

@Entity
@Table(name = "author")
public class Author {
    @Id
    private long id;
    private String name;
    private LocalDate born;

    protected Author() {
    }

    public Author(long id, String name, LocalDate born) {
        this.id = id;
        this.name = name;
        this.born = born;
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getBorn() {
        return born;
    }
}
