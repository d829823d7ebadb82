package io.cachalot.templates.thymeleaf;

import java.util.ArrayList;
import java.util.List;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code th:cachalot-key="${user.id}, ${page}"}: what the cached output varies with, besides the template,
 * the locale and the tables. One or more expressions separated by commas; each distinct value (list of
 * values) gets its own fragment. Anything the element shows that depends on the user, the request or other
 * data not in the listed tables must be part of the key.
 *
 * <p>{@link CachalotAttributeProcessor} reads this attribute and removes it; this processor only runs when
 * the attribute stands without {@code th:cachalot}, and rejects it.
 */
public final class CachalotKeyAttributeProcessor extends AbstractAttributeTagProcessor {

    public static final String ATTRIBUTE_NAME = "cachalot-key";
    public static final int PRECEDENCE = CachalotAttributeProcessor.PRECEDENCE + 1;

    public CachalotKeyAttributeProcessor(String dialectPrefix) {
        super(TemplateMode.HTML, dialectPrefix, null, false, ATTRIBUTE_NAME, true, PRECEDENCE, true);
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
            String attributeValue, IElementTagStructureHandler structureHandler) {
        throw new TemplateProcessingException(
                getDialectPrefix() + ":" + ATTRIBUTE_NAME + " needs " + getDialectPrefix() + ":"
                        + CachalotAttributeProcessor.ATTRIBUTE_NAME + " on the same element");
    }

    /** The key value of this element: null without the attribute, the value of a single expression, or a list. */
    static Object keyOf(ITemplateContext context, IProcessableElementTag tag, String prefix) {
        String value = AttributeExpressions.attribute(context, tag, prefix, ATTRIBUTE_NAME);
        if (value == null) {
            return null;
        }
        List<String> expressions = AttributeExpressions.split(value);
        if (expressions.isEmpty()) {
            throw new TemplateProcessingException(prefix + ":" + ATTRIBUTE_NAME + " is empty");
        }
        if (expressions.size() == 1) {
            return AttributeExpressions.evaluate(context, expressions.get(0));
        }
        List<Object> values = new ArrayList<>(expressions.size());
        for (String expression : expressions) {
            values.add(AttributeExpressions.evaluate(context, expression));
        }
        return values;
    }
}
