package io.cachalot.templates.thymeleaf;

import io.cachalot.templates.FragmentCaching;
import java.time.Duration;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code th:cachalot-timeout="300"}: the most seconds (a positive number, or an expression giving one) a
 * cached output is served, even if its tables do not change. Without it, an output lives until a table is
 * invalidated or the fragments cache evicts it.
 *
 * <p>{@link CachalotAttributeProcessor} reads this attribute and removes it; this processor only runs when
 * the attribute stands without {@code th:cachalot}, and rejects it.
 */
public final class CachalotTimeoutAttributeProcessor extends AbstractAttributeTagProcessor {

    public static final String ATTRIBUTE_NAME = "cachalot-timeout";
    public static final int PRECEDENCE = CachalotAttributeProcessor.PRECEDENCE + 2;

    public CachalotTimeoutAttributeProcessor(String dialectPrefix) {
        super(TemplateMode.HTML, dialectPrefix, null, false, ATTRIBUTE_NAME, true, PRECEDENCE, true);
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
            String attributeValue, IElementTagStructureHandler structureHandler) {
        throw new TemplateProcessingException(
                getDialectPrefix() + ":" + ATTRIBUTE_NAME + " needs " + getDialectPrefix() + ":"
                        + CachalotAttributeProcessor.ATTRIBUTE_NAME + " on the same element");
    }

    /** The lifespan of this element's cached output, or null without the attribute. */
    static Duration lifespanOf(ITemplateContext context, IProcessableElementTag tag, String prefix) {
        String value = AttributeExpressions.attribute(context, tag, prefix, ATTRIBUTE_NAME);
        if (value == null) {
            return null;
        }
        Object seconds = value.isBlank() ? "" : AttributeExpressions.evaluate(context, value);
        try {
            return FragmentCaching.lifespan(seconds);
        } catch (IllegalArgumentException e) {
            throw new TemplateProcessingException(prefix + ":" + ATTRIBUTE_NAME + "=\"" + value + "\": " + e.getMessage());
        }
    }
}
