package io.cachalot.sample.service;

/** A book with the average rating of its reviews. */
public record RatedBook(int id, String title, double rating, long reviews) {

    /** Constructor for JPQL {@code SELECT NEW}: {@code AVG} and {@code COUNT} come back as Double and Long. */
    public RatedBook(Integer id, String title, Double rating, Long reviews) {
        this(id.intValue(), title, rating == null ? 0 : rating, reviews == null ? 0 : reviews);
    }

    /** The rating with one decimal, as shown on the pages. */
    public String stars() {
        return String.format(java.util.Locale.ROOT, "%.1f", rating);
    }
}
