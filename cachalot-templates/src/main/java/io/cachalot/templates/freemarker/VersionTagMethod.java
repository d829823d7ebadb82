package io.cachalot.templates.freemarker;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import io.cachalot.Cachalot;
import java.util.List;

/**
 * {@code cachalot.versionTag("book", "author")}: a text that changes whenever any of these tables (or
 * entities) is invalidated. Without arguments, every table of the persistence unit.
 */
public final class VersionTagMethod implements TemplateMethodModelEx {

    private final Cachalot cachalot;

    VersionTagMethod(Cachalot cachalot) {
        this.cachalot = cachalot;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object exec(List arguments) throws TemplateModelException {
        Object[] tables = TableArguments.of("cachalot.versionTag", arguments);
        try {
            return new SimpleScalar(cachalot.versionTag(tables));
        } catch (IllegalArgumentException e) {
            throw new TemplateModelException("cachalot.versionTag: " + e.getMessage(), e);
        }
    }
}
