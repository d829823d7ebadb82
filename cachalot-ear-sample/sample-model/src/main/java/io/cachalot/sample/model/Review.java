package io.cachalot.sample.model;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import java.time.LocalDate;

/**
 * A review of a book: a {@link ReaderReview} or a {@link CriticReview}. JOINED inheritance: the common
 * columns are in {@code REVIEW}, the others in {@code READER_REVIEW} and {@code CRITIC_REVIEW}.
 */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "KIND")
public abstract class Review {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_seq")
    @SequenceGenerator(name = "review_seq", allocationSize = 50)
    private int id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Book book;

    private int rating;

    private String text;

    private LocalDate written;

    protected Review() {
    }

    protected Review(Book book, int rating, String text, LocalDate written) {
        this.book = book;
        this.rating = rating;
        this.text = text;
        this.written = written;
    }

    public int getId() {
        return id;
    }

    public Book getBook() {
        return book;
    }

    public int getRating() {
        return rating;
    }

    public String getText() {
        return text;
    }

    public LocalDate getWritten() {
        return written;
    }

    /** Who wrote it, as shown on the pages. */
    public abstract String getSignature();
}
