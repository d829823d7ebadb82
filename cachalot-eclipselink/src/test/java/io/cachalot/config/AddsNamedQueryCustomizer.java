package io.cachalot.config;

import io.cachalot.model.Author;
import org.eclipse.persistence.queries.ReadAllQuery;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/** An application's own session customizer: adds a named query, a change the tests can observe. */
public class AddsNamedQueryCustomizer implements SessionCustomizer {

    public static final String QUERY = "Author.byNameFromCustomizer";

    @Override
    public void customize(Session session) {
        ReadAllQuery query = new ReadAllQuery(Author.class);
        query.addDescendingOrdering("name");
        session.addQuery(QUERY, query);
    }
}
