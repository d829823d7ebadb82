package io.cachalot.sample.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Starts the {@link RequestMetrics} of each request. */
@WebFilter("/*")
public class RequestMetricsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(RequestMetrics.ATTRIBUTE, new RequestMetrics());
        request.setCharacterEncoding("UTF-8");
        chain.doFilter(request, response);
    }
}
