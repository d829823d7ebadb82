package io.cachalot.templates.thymeleaf;

import java.util.ArrayList;
import java.util.List;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.util.EscapedAttributeUtils;

/** Reads the dialect's attributes: comma lists whose items are names or Thymeleaf standard expressions. */
final class AttributeExpressions {

    private AttributeExpressions() {
    }

    /** The unescaped value of {@code prefix:name} on this tag, or null if the tag has no such attribute. */
    static String attribute(ITemplateContext context, IProcessableElementTag tag, String prefix, String name) {
        String value = tag.getAttributeValue(prefix, name);
        return value == null ? null : EscapedAttributeUtils.unescapeAttribute(context.getTemplateMode(), value);
    }

    static Object evaluate(ITemplateContext context, String expression) {
        return StandardExpressions.getExpressionParser(context.getConfiguration())
                .parseExpression(context, expression)
                .execute(context);
    }

    /** Splits at the commas that are outside quotes, braces, brackets and parentheses; items are stripped. */
    static List<String> split(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        items.add(text.substring(start).strip());
        items.removeIf(String::isEmpty);
        return items;
    }
}
