package io.cachalot.templates.thymeleaf;

import io.cachalot.templates.FragmentCaching;
import io.cachalot.templates.FragmentKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.engine.TemplateManager;
import org.thymeleaf.engine.TemplateModel;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.inline.IInliner;
import org.thymeleaf.inline.NoOpInliner;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeModelProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementModelStructureHandler;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.inline.StandardCSSInliner;
import org.thymeleaf.standard.inline.StandardJavaScriptInliner;
import org.thymeleaf.standard.inline.StandardTextInliner;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.util.FastStringWriter;

/**
 * {@code th:cachalot="book, author"}: the element's rendered output is cached until one of the listed tables
 * (or entities) is invalidated. Items are table names, entity names, or expressions giving names, entity
 * classes or collections of them.
 *
 * <p>Runs after {@code th:each}, {@code th:if}, {@code th:unless} and {@code th:switch}/{@code th:case} of
 * the same element (so a key can use the iteration variable), and before everything else on it
 * ({@code th:object}, {@code th:with}, {@code th:attr}, {@code th:text}...), which is therefore cached too.
 * On a miss the element is rendered in the current context; the result is inserted as text that is never
 * processed again.
 */
public final class CachalotAttributeProcessor extends AbstractAttributeModelProcessor {

    public static final String ATTRIBUTE_NAME = "cachalot";
    /** Between the Standard Dialect's {@code th:unless} (400) and {@code th:object} (500). */
    public static final int PRECEDENCE = 450;

    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$.]*");

    private final FragmentCaching caching;

    public CachalotAttributeProcessor(String dialectPrefix, FragmentCaching caching) {
        super(TemplateMode.HTML, dialectPrefix, null, false, ATTRIBUTE_NAME, true, PRECEDENCE, true);
        this.caching = caching;
    }

    @Override
    protected void doProcess(ITemplateContext context, IModel model, AttributeName attributeName,
            String attributeValue, IElementModelStructureHandler structureHandler) {
        IProcessableElementTag tag = (IProcessableElementTag) model.get(0);
        String prefix = getDialectPrefix();
        Object[] tables = tablesOf(context, prefix, attributeValue == null ? "" : attributeValue);
        Object key = CachalotKeyAttributeProcessor.keyOf(context, tag, prefix);
        Duration lifespan = CachalotTimeoutAttributeProcessor.lifespanOf(context, tag, prefix);

        model.replace(0, bodyTag(context, tag, attributeName, prefix));
        String source = ElementSource.of(model);
        String place = FragmentKeys.place(tag.getTemplateName(), tag.getLine(), tag.getCol(), source);
        String cacheKey;
        try {
            cacheKey = caching.keyOf(place, tables, key, context.getLocale());
        } catch (IllegalArgumentException e) {
            throw new TemplateProcessingException(prefix + ":" + ATTRIBUTE_NAME + ": " + e.getMessage());
        }
        String fragment = caching.lookup(cacheKey).orElse(null);
        if (fragment == null) {
            fragment = render(context, source, tag);
            caching.store(cacheKey, fragment, lifespan);
        }
        model.reset();
        model.add(context.getModelFactory().createText(fragment));
        structureHandler.setInliner(NoOpInliner.INSTANCE);
    }

    private static Object[] tablesOf(ITemplateContext context, String prefix, String value) {
        List<Object> specs = new ArrayList<>();
        for (String item : AttributeExpressions.split(value)) {
            specs.add(NAME.matcher(item).matches() ? item : AttributeExpressions.evaluate(context, item));
        }
        try {
            return FragmentCaching.tables(specs);
        } catch (IllegalArgumentException e) {
            throw new TemplateProcessingException(prefix + ":" + ATTRIBUTE_NAME + "=\"" + value + "\": " + e.getMessage());
        }
    }

    /**
     * The element as it is rendered on a miss: without the dialect's attributes, and with the inlining of
     * its surroundings made explicit (a nested rendering would otherwise start with the default inlining).
     */
    private static IProcessableElementTag bodyTag(ITemplateContext context, IProcessableElementTag tag,
            AttributeName attributeName, String prefix) {
        IModelFactory factory = context.getModelFactory();
        IProcessableElementTag body = factory.removeAttribute(tag, attributeName);
        body = factory.removeAttribute(body, prefix, CachalotKeyAttributeProcessor.ATTRIBUTE_NAME);
        body = factory.removeAttribute(body, prefix, CachalotTimeoutAttributeProcessor.ATTRIBUTE_NAME);
        String inlineMode = inlineModeOf(context.getInliner());
        if (inlineMode != null && !body.hasAttribute(StandardDialect.PREFIX, "inline")) {
            body = factory.setAttribute(body, StandardDialect.PREFIX + ":inline", inlineMode);
        }
        return body;
    }

    /**
     * Rejects {@code th:cachalot} on an element that also has {@code th:insert}, {@code th:replace} or
     * {@code th:include}: those run first (precedence 100) and would leave nothing, or a modified body, to cache.
     */
    static final class PlacementCheck extends AbstractAttributeTagProcessor {

        static final int PRECEDENCE = 50;
        private static final List<String> INSERTIONS = List.of("insert", "replace", "include", "substituteby");

        PlacementCheck(String dialectPrefix) {
            super(TemplateMode.HTML, dialectPrefix, null, false, ATTRIBUTE_NAME, true, PRECEDENCE, false);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                String attributeValue, IElementTagStructureHandler structureHandler) {
            for (String insertion : INSERTIONS) {
                if (tag.hasAttribute(StandardDialect.PREFIX, insertion)) {
                    throw new TemplateProcessingException(getDialectPrefix() + ":" + ATTRIBUTE_NAME
                            + " cannot be on the element of " + StandardDialect.PREFIX + ":" + insertion
                            + ": put it on an element inside the fragment, or on an element around this one");
                }
            }
        }
    }

    /** The {@code th:inline} value giving this inlining, or null for the HTML default. */
    private static String inlineModeOf(IInliner inliner) {
        if (inliner == null || inliner instanceof NoOpInliner) {
            return "none";
        } else if (inliner instanceof StandardTextInliner) {
            return "text";
        } else if (inliner instanceof StandardJavaScriptInliner) {
            return "javascript";
        } else if (inliner instanceof StandardCSSInliner) {
            return "css";
        }
        return null;
    }

    /** Renders the element in the current context (local variables, selection, template) into a string. */
    private static String render(ITemplateContext context, String source, IProcessableElementTag tag) {
        TemplateManager templates = context.getConfiguration().getTemplateManager();
        TemplateModel parsed = templates.parseString(
                context.getTemplateData(), source, tag.getLine(), tag.getCol(), null, true);
        FastStringWriter out = new FastStringWriter(Math.max(256, source.length() * 2));
        templates.process(parsed, context, out);
        return out.toString();
    }
}
