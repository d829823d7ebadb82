package io.cachalot.sample.web;

import io.cachalot.sample.service.Catalog;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The home page (Thymeleaf): three fragments, each cached with {@code th:cachalot}. */
@WebServlet("")
public class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Pages pages;

    @Inject
    private transient Catalog catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.thymeleaf("home", Map.of("catalog", catalog), request, response);
    }
}
