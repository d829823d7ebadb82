package io.cachalot.sql;

import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.util.TablesNamesFinder;

/** JSqlParser's table finder that also notes the first volatile function it meets. Single use. */
final class ReadTablesFinder extends TablesNamesFinder<Void> {

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
}
