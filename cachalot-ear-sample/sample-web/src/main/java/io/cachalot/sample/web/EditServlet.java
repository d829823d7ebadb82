package io.cachalot.sample.web;

import io.cachalot.sample.model.Book;
import io.cachalot.sample.service.BookEditor;
import io.cachalot.sample.service.Catalog;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The form that edits a book (Thymeleaf). Saving calls the stateless session bean {@link BookEditor}
 * (container-managed JTA transaction).
 */
@WebServlet("/edit")
public class EditServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Pages pages;

    @Inject
    private transient Catalog catalog;

    @Inject
    private transient BookEditor editor;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            int id = Parameters.integer(request, "id");
            editor.update(id, Parameters.integer(request, "version"), Parameters.text(request, "title"),
                    Parameters.integer(request, "published"), Parameters.decimal(request, "price"));
            response.sendRedirect(request.getContextPath() + "/book?id=" + id);
        } catch (RuntimeException e) {
            Failures.Failure failure = Failures.of(e).orElseThrow(() -> e);
            response.setStatus(failure.status());
            render(request, response, Map.of("error", failure.message()));
        }
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Map<String, Object> form)
            throws IOException {
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
        model.put("book", book.get());
        pages.thymeleaf("edit", model, request, response);
    }
}
