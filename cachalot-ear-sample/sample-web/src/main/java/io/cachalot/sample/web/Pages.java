package io.cachalot.sample.web;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.cachalot.Cachalot;
import io.cachalot.templates.freemarker.CachalotModel;
import io.cachalot.templates.thymeleaf.CachalotDialect;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders pages with Thymeleaf ({@code templates/*.html}) or FreeMarker ({@code templates/*.ftlh}). Both
 * engines get cachalot's fragment caching: the {@code th:cachalot} dialect and the {@code cachalot} shared
 * variable ({@code <@cachalot.cache>}).
 */
@ApplicationScoped
public class Pages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    @Inject
    private Cachalot cachalot;

    @Inject
    private ServletContext servletContext;

    private TemplateEngine thymeleaf;
    private JakartaServletWebApplication web;
    private Configuration freemarker;

    @PostConstruct
    void start() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        thymeleaf = new TemplateEngine();
        thymeleaf.setTemplateResolver(resolver);
        thymeleaf.addDialect(new CachalotDialect(cachalot));
        web = JakartaServletWebApplication.buildApplication(servletContext);

        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassLoaderForTemplateLoading(Pages.class.getClassLoader(), "templates");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        CachalotModel.install(freemarker, cachalot);
    }

    /** Renders {@code templates/NAME.html} with Thymeleaf. */
    public void thymeleaf(String name, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        html(response);
        Map<String, Object> variables = common(request);
        variables.putAll(model);
        WebContext context = new WebContext(web.buildExchange(request, response), request.getLocale(), variables);
        thymeleaf.process(name, context, response.getWriter());
    }

    /** Renders {@code templates/NAME.ftlh} with FreeMarker. */
    public void freemarker(String name, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        html(response);
        Map<String, Object> variables = common(request);
        variables.putAll(model);
        variables.put("base", request.getContextPath());
        try {
            freemarker.getTemplate(name + ".ftlh", request.getLocale()).process(variables, response.getWriter());
        } catch (TemplateException e) {
            throw new ServletException("Cannot render " + name + ".ftlh", e);
        }
    }

    /** A time as the pages show it, or "never". */
    public String time(Instant instant) {
        return instant == null ? "never" : TIME.format(instant);
    }

    private Map<String, Object> common(HttpServletRequest request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("metrics", request.getAttribute(RequestMetrics.ATTRIBUTE));
        variables.put("pages", this);
        return variables;
    }

    private static void html(HttpServletResponse response) {
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }
}
