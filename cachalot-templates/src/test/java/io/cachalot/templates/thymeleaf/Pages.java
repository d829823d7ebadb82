package io.cachalot.templates.thymeleaf;

import io.cachalot.Cachalot;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** A plain TemplateEngine (no Spring) with the cachalot dialect, reading templates from the test class path. */
final class Pages {

    private final TemplateEngine engine;

    private Pages(Cachalot cachalot, ITemplateResolver resolver) {
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.addDialect(new CachalotDialect(cachalot));
    }

    /** Templates named by their path under this class path folder, without ".html". */
    static Pages inFolder(Cachalot cachalot, String folder) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(folder + "/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        return new Pages(cachalot, resolver);
    }

    /** Templates given as their text. */
    static Pages fromStrings(Cachalot cachalot) {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCacheable(true);
        return new Pages(cachalot, resolver);
    }

    String render(String template, Map<String, Object> variables, Locale locale) {
        return engine.process(template, new Context(locale, variables));
    }

    String render(String template, Map<String, Object> variables) {
        return render(template, variables, Locale.ENGLISH);
    }
}
