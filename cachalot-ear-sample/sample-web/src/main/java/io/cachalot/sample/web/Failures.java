package io.cachalot.sample.web;

import io.cachalot.sample.service.DuplicateReviewException;
import io.cachalot.sample.service.DuplicateTitleException;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/** Turns the exceptions of a rejected write (wrapped or not by the EJB container) into a status and a message. */
final class Failures {

    private Failures() {
    }

    /** The status and message for the user, or empty if this is not a failure the user can act on. */
    static Optional<Failure> of(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateTitleException || cause instanceof DuplicateReviewException
                    || cause instanceof OptimisticLockException) {
                return Optional.of(new Failure(HttpServletResponse.SC_CONFLICT, cause.getMessage()));
            }
            if (cause instanceof IllegalArgumentException || cause instanceof Parameters.BadRequest) {
                return Optional.of(new Failure(HttpServletResponse.SC_BAD_REQUEST, cause.getMessage()));
            }
        }
        return Optional.empty();
    }

    record Failure(int status, String message) {
    }
}
