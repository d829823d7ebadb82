package io.cachalot.sample.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A review by a professional critic. Table {@code CRITIC_REVIEW} (and {@code REVIEW}). */
@Entity
@Table(name = "CRITIC_REVIEW")
@DiscriminatorValue("CRITIC")
public class CriticReview extends Review {

    private String critic;

    private String outlet;

    protected CriticReview() {
    }

    public CriticReview(Book book, String critic, String outlet, int rating, String text, LocalDate written) {
        super(book, rating, text, written);
        this.critic = critic;
        this.outlet = outlet;
    }

    public String getCritic() {
        return critic;
    }

    public String getOutlet() {
        return outlet;
    }

    @Override
    public String getSignature() {
        return critic + ", " + outlet;
    }
}
