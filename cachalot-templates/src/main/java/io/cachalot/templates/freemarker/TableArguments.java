package io.cachalot.templates.freemarker;

import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import io.cachalot.templates.FragmentCaching;
import java.util.ArrayList;
import java.util.List;

/** Reads the tables given to the methods and the directive: names, comma lists, sequences of them. */
final class TableArguments {

    private TableArguments() {
    }

    /** The tables of these arguments; an empty array for no arguments (meaning every table). */
    static Object[] of(String caller, List<?> arguments) throws TemplateModelException {
        if (arguments.isEmpty()) {
            return new Object[0];
        }
        List<Object> specs = new ArrayList<>(arguments.size());
        for (Object argument : arguments) {
            specs.add(argument instanceof TemplateModel model ? DeepUnwrap.unwrap(model) : argument);
        }
        try {
            return FragmentCaching.tables(specs);
        } catch (IllegalArgumentException e) {
            throw new TemplateModelException(caller + ": " + e.getMessage(), e);
        }
    }
}
