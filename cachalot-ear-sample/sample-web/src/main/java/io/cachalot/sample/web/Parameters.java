package io.cachalot.sample.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;

/** Reads request parameters; a bad value is a {@link BadRequest} naming the parameter. */
final class Parameters {

    private Parameters() {
    }

    static int integer(HttpServletRequest request, String name, int fallback) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("Parameter " + name + " is not a whole number: " + value);
        }
    }

    static int integer(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw new BadRequest("Parameter " + name + " is missing");
        }
        return integer(request, name, 0);
    }

    static BigDecimal decimal(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        try {
            return new BigDecimal(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("Parameter " + name + " is not a number: " + value);
        }
    }

    static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    /** A request the user can correct: answered with 400 and the message. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
