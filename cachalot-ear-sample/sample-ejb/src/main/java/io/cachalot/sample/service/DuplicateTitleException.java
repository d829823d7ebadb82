package io.cachalot.sample.service;

/** A publisher already has a book of this title. A system exception: it rolls the transaction back. */
public class DuplicateTitleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateTitleException(String publisher, String title) {
        super(publisher + " already has a book titled \"" + title + "\"");
    }
}
