package io.cachalot.sample.web;

import io.cachalot.sample.service.Catalog;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The list of authors, 25 a page (FreeMarker): one cached fragment per page. */
@WebServlet("/authors")
public class AuthorsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Pages pages;

    @Inject
    private transient Catalog catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        int page;
        try {
            page = Parameters.integer(request, "page", 1);
        } catch (Parameters.BadRequest e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        pages.freemarker("authors", Map.of("catalog", catalog, "page", page), request, response);
    }
}
