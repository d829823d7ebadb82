package io.cachalot.templates.thymeleaf;

import io.cachalot.Cachalot;
import io.cachalot.templates.FragmentCaching;
import java.util.Set;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.standard.StandardDialect;

/**
 * Fragment caching for Thymeleaf, keyed on table invalidation:
 *
 * <pre>{@code
 * TemplateEngine engine = new TemplateEngine();
 * engine.addDialect(new CachalotDialect(Cachalot.of(entityManagerFactory)));
 * }</pre>
 *
 * <pre>{@code
 * <aside th:cachalot="book, author" th:cachalot-key="${user.id}" th:cachalot-timeout="600">...</aside>
 * <p th:text="${#cachalot.lastInvalidation('book')}"></p>
 * }</pre>
 *
 * Attributes: {@code th:cachalot} ({@link CachalotAttributeProcessor}), {@code th:cachalot-key}
 * ({@link CachalotKeyAttributeProcessor}), {@code th:cachalot-timeout}
 * ({@link CachalotTimeoutAttributeProcessor}); expression object {@code #cachalot}
 * ({@link CachalotExpressionObject}). HTML template mode. The processors run among the Standard Dialect's,
 * so this dialect shares its prefix and precedence.
 */
public final class CachalotDialect extends AbstractProcessorDialect implements IExpressionObjectDialect {

    public static final String NAME = "Cachalot";
    public static final String PREFIX = StandardDialect.PREFIX;
    public static final int PRECEDENCE = StandardDialect.PROCESSOR_PRECEDENCE;
    public static final String EXPRESSION_OBJECT_NAME = "cachalot";

    private final FragmentCaching caching;
    private final IExpressionObjectFactory expressionObjects;

    public CachalotDialect(Cachalot cachalot) {
        super(NAME, PREFIX, PRECEDENCE);
        this.caching = new FragmentCaching(cachalot);
        this.expressionObjects = new ExpressionObjects(new CachalotExpressionObject(cachalot));
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(
                new CachalotAttributeProcessor(dialectPrefix, caching),
                new CachalotAttributeProcessor.PlacementCheck(dialectPrefix),
                new CachalotKeyAttributeProcessor(dialectPrefix),
                new CachalotTimeoutAttributeProcessor(dialectPrefix));
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return expressionObjects;
    }

    private record ExpressionObjects(CachalotExpressionObject cachalot) implements IExpressionObjectFactory {

        @Override
        public Set<String> getAllExpressionObjectNames() {
            return Set.of(EXPRESSION_OBJECT_NAME);
        }

        @Override
        public Object buildObject(IExpressionContext context, String expressionObjectName) {
            return EXPRESSION_OBJECT_NAME.equals(expressionObjectName) ? cachalot : null;
        }

        @Override
        public boolean isCacheable(String expressionObjectName) {
            return true;
        }
    }
}
