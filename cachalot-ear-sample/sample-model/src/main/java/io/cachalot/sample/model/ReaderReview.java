package io.cachalot.sample.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A review by a reader of the site. Table {@code READER_REVIEW} (and {@code REVIEW}). */
@Entity
@Table(name = "READER_REVIEW")
@DiscriminatorValue("READER")
public class ReaderReview extends Review {

    private String reader;

    protected ReaderReview() {
    }

    public ReaderReview(Book book, String reader, int rating, String text, LocalDate written) {
        super(book, rating, text, written);
        this.reader = reader;
    }

    public String getReader() {
        return reader;
    }

    @Override
    public String getSignature() {
        return reader;
    }
}
