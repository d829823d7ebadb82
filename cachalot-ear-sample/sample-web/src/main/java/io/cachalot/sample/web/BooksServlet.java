package io.cachalot.sample.web;

import io.cachalot.sample.service.Catalog;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The list of books, 25 a page (Thymeleaf): one cached fragment per page. */
@WebServlet("/books")
public class BooksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Pages pages;

    @Inject
    private transient Catalog catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int page;
        try {
            page = Parameters.integer(request, "page", 1);
        } catch (Parameters.BadRequest e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        pages.thymeleaf("books", Map.of("catalog", catalog, "page", page), request, response);
    }
}
