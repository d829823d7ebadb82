package io.cachalot.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Fetch;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * JSqlParser's table finder that also notes the first volatile function it meets. Single use.
 *
 * <p>It also walks the clauses JSqlParser 5.3's finder skips (ORDER BY, GROUP BY, QUALIFY, LIMIT/OFFSET/FETCH,
 * the window of an analytic function): a subquery or a random function there counts like anywhere else.
 */
final class ReadTablesFinder extends TablesNamesFinder<Void> {

    /** Niladic functions the parser may read as plain column names. */
    private static final Set<String> BARE_CLOCKS = Set.of("LOCALTIMESTAMP", "LOCALTIME", "SYSDATE", "SYSTIMESTAMP",
            "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME");

    private final VolatileFunctions volatileFunctions;
    private String volatileFunction;

    ReadTablesFinder(VolatileFunctions volatileFunctions) {
        this.volatileFunctions = volatileFunctions;
    }

    String volatileFunction() {
        return volatileFunction;
    }

    @Override
    public <S> Void visit(Function function, S context) {
        if (volatileFunction == null && volatileFunctions.isVolatile(function.getName())) {
            volatileFunction = function.getName();
        }
        return super.visit(function, context);
    }

    @Override
    public <S> Void visit(TimeKeyExpression expression, S context) {
        if (volatileFunction == null) {
            volatileFunction = expression.getStringValue();
        }
        return super.visit(expression, context);
    }

    @Override
    public <S> Void visit(NextValExpression expression, S context) {
        if (volatileFunction == null) {
            volatileFunction = "NEXT VALUE FOR " + expression.getName();
        }
        return super.visit(expression, context);
    }

    @Override
    public <S> Void visit(Column column, S context) {
        if (volatileFunction == null && column.getTable() == null
                && BARE_CLOCKS.contains(column.getColumnName().toUpperCase(Locale.ROOT))) {
            volatileFunction = column.getColumnName();
        }
        return super.visit(column, context);
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
        super.visit(select, context);
        GroupByElement groupBy = select.getGroupBy();
        if (groupBy != null) {
            visitExpression(groupBy.getGroupByExpressionList(), context);
        }
        visitExpression(select.getQualify(), context);
        visitTail(select, context);
        return null;
    }

    @Override
    public <S> Void visit(SetOperationList list, S context) {
        super.visit(list, context);
        visitTail(list, context);
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        super.visit(select, context);
        visitTail(select, context);
        return null;
    }

    @Override
    public <S> Void visit(AnalyticExpression expression, S context) {
        super.visit(expression, context);
        visitExpression(expression.getPartitionExpressionList(), context);
        visitOrderBy(expression.getOrderByElements(), context);
        return null;
    }

    private <S> void visitTail(Select select, S context) {
        visitOrderBy(select.getOrderByElements(), context);
        Limit limit = select.getLimit();
        if (limit != null) {
            visitExpression(limit.getRowCount(), context);
            visitExpression(limit.getOffset(), context);
        }
        Offset offset = select.getOffset();
        if (offset != null) {
            visitExpression(offset.getOffset(), context);
        }
        Fetch fetch = select.getFetch();
        if (fetch != null) {
            visitExpression(fetch.getExpression(), context);
        }
    }

    private <S> void visitOrderBy(List<OrderByElement> elements, S context) {
        if (elements != null) {
            elements.forEach(element -> visitExpression(element.getExpression(), context));
        }
    }

    private <S> void visitExpression(Expression expression, S context) {
        if (expression != null) {
            expression.accept(this, context);
        }
    }
}
