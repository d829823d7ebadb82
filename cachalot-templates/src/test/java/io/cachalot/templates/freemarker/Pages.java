package io.cachalot.templates.freemarker;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.cachalot.Cachalot;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

/** A FreeMarker configuration with the {@code cachalot} shared variable, reading templates from the class path. */
final class Pages {

    private final Configuration configuration;

    Pages(Cachalot cachalot, String folder) {
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setClassLoaderForTemplateLoading(Pages.class.getClassLoader(), folder);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setAttemptExceptionReporter((error, env) -> { });
        CachalotModel.install(configuration, cachalot);
    }

    /** Makes rendering errors print into the output instead of failing the page (a lenient production setting). */
    void ignoreErrors() {
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.IGNORE_HANDLER);
    }

    String render(String template, Map<String, Object> variables, Locale locale)
            throws IOException, TemplateException {
        StringWriter out = new StringWriter();
        configuration.getTemplate(template, locale).process(variables, out);
        return out.toString();
    }

    /** Renders a template given as its text (HTML output format). */
    String renderText(String text, Map<String, Object> variables) throws IOException, TemplateException {
        StringWriter out = new StringWriter();
        new Template("inline.ftlh", text, configuration).process(variables, out);
        return out.toString();
    }
}
