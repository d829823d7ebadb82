package io.cachalot.sample.service;

/** A reader already reviewed this book. Thrown after the write: it rolls the transaction back. */
public class DuplicateReviewException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateReviewException(String reader, String title) {
        super(reader + " already reviewed \"" + title + "\"");
    }
}
