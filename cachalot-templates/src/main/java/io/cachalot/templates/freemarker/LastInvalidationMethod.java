package io.cachalot.templates.freemarker;

import freemarker.template.SimpleDate;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import io.cachalot.Cachalot;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * {@code cachalot.lastInvalidation("book", "author")}: when any of these tables (or entities) was last
 * invalidated, as a date-time; missing if never ({@code cachalot.lastInvalidation("book")!"never"}).
 * Without arguments, every table of the persistence unit.
 */
public final class LastInvalidationMethod implements TemplateMethodModelEx {

    private final Cachalot cachalot;

    LastInvalidationMethod(Cachalot cachalot) {
        this.cachalot = cachalot;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object exec(List arguments) throws TemplateModelException {
        Object[] tables = TableArguments.of("cachalot.lastInvalidation", arguments);
        Instant at;
        try {
            at = cachalot.lastInvalidation(tables).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new TemplateModelException("cachalot.lastInvalidation: " + e.getMessage(), e);
        }
        return at == null ? null : new SimpleDate(Date.from(at), TemplateDateModel.DATETIME);
    }
}
