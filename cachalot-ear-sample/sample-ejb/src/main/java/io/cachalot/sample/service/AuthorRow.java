package io.cachalot.sample.service;

/** An author with the number of books they wrote. */
public record AuthorRow(int id, String name, int born, long books) {

    /** Constructor for JPQL {@code SELECT NEW}. */
    public AuthorRow(Integer id, String name, Integer born, Number books) {
        this(id.intValue(), name, born.intValue(), books.longValue());
    }
}
