package io.cachalot.templates.thymeleaf;

import java.io.IOException;
import org.thymeleaf.model.IAttribute;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.ITemplateEvent;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.util.FastStringWriter;

/**
 * The template source of an element's model, to be parsed and rendered again on a miss.
 *
 * <p>Events write themselves as they were parsed, except the elements the parser made from inlined output
 * expressions: {@code [[${x}]]} becomes an attribute-only {@code th:block th:text} whose written form is not
 * markup, so it is written back as {@code [[${x}]]} ({@code [(${x})]} for {@code th:utext}).
 */
final class ElementSource {

    private static final String BLOCK = StandardDialect.PREFIX + ":block";
    private static final String TEXT = StandardDialect.PREFIX + ":text";
    private static final String UTEXT = StandardDialect.PREFIX + ":utext";

    private ElementSource() {
    }

    static String of(IModel model) {
        FastStringWriter out = new FastStringWriter(512);
        try {
            String closing = null;
            for (int i = 0, n = model.size(); i < n; i++) {
                ITemplateEvent event = model.get(i);
                String inlined = i + 1 < n ? inlinedExpression(event, model.get(i + 1)) : null;
                if (inlined != null) {
                    boolean escaped = inlined.charAt(0) == 'T';
                    out.write(escaped ? "[[" : "[(");
                    out.write(inlined, 1, inlined.length() - 1);
                    closing = escaped ? "]]" : ")]";
                } else if (closing != null) {
                    out.write(closing);
                    closing = null;
                } else {
                    event.write(out);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write to a string", e);
        }
        return out.toString();
    }

    /**
     * For the block of an inlined output expression (an open tag followed by its close tag): 'T' or 'U' (escaped
     * or not) followed by the expression; otherwise null.
     */
    private static String inlinedExpression(ITemplateEvent event, ITemplateEvent next) {
        if (!(event instanceof IOpenElementTag tag) || !BLOCK.equals(tag.getElementCompleteName())
                || !(next instanceof ICloseElementTag close) || !BLOCK.equals(close.getElementCompleteName())) {
            return null;
        }
        IAttribute[] attributes = tag.getAllAttributes();
        if (attributes.length != 1) {
            return null;
        }
        String name = attributes[0].getAttributeCompleteName();
        boolean escaped = TEXT.equals(name);
        if (!escaped && !UTEXT.equals(name) || !tag.toString().startsWith("<" + BLOCK + name)) {
            return null; // a th:block written in the template: it has whitespace before its attribute
        }
        return (escaped ? "T" : "U") + attributes[0].getValue();
    }
}
