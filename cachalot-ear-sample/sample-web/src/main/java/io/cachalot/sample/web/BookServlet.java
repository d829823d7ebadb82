package io.cachalot.sample.web;

import io.cachalot.sample.model.Book;
import io.cachalot.sample.service.Catalog;
import io.cachalot.sample.service.Reviews;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One book and its reviews (FreeMarker; the reviews are a cached fragment), with a form that adds a
 * reader's review through the {@code @Transactional} CDI bean {@link Reviews}.
 */
@WebServlet("/book")
public class BookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Pages pages;

    @Inject
    private transient Catalog catalog;

    @Inject
    private transient Reviews reviews;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        render(request, response, Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        try {
            int id = Parameters.integer(request, "id");
            reviews.add(id, Parameters.text(request, "reader"), Parameters.integer(request, "rating"),
                    Parameters.text(request, "text"));
            response.sendRedirect(request.getContextPath() + "/book?id=" + id);
        } catch (RuntimeException e) {
            Failures.Failure failure = Failures.of(e).orElseThrow(() -> e);
            response.setStatus(failure.status());
            render(request, response, Map.of("error", failure.message(),
                    "reader", Parameters.text(request, "reader"), "text", Parameters.text(request, "text")));
        }
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Map<String, Object> form)
            throws IOException, ServletException {
        Optional<Book> book;
        try {
            book = catalog.book(Parameters.integer(request, "id"));
        } catch (Parameters.BadRequest e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        if (book.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such book");
            return;
        }
        Map<String, Object> model = new HashMap<>(form);
        model.put("catalog", catalog);
        model.put("book", book.get());
        pages.freemarker("book", model, request, response);
    }
}
