package io.cachalot.templates.freemarker;

import freemarker.core.Environment;
import freemarker.template.AttemptExceptionReporter;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.Writer;

/**
 * Notices the errors of a body that FreeMarker does not throw: those a lenient template exception handler
 * ignores or prints, and those an {@code #attempt} inside the body recovers from. A body with such an error
 * rendered, but its output must not be cached. Delegates to the handler and reporter it replaces.
 */
final class BodyErrors implements TemplateExceptionHandler, AttemptExceptionReporter {

    private final Environment env;
    private final TemplateExceptionHandler handler;
    private final AttemptExceptionReporter reporter;
    private boolean seen;

    private BodyErrors(Environment env) {
        this.env = env;
        this.handler = env.getTemplateExceptionHandler();
        this.reporter = env.getAttemptExceptionReporter();
    }

    /** Starts watching this environment; {@link #stop()} restores it. */
    static BodyErrors watch(Environment env) {
        BodyErrors errors = new BodyErrors(env);
        env.setTemplateExceptionHandler(errors);
        env.setAttemptExceptionReporter(errors);
        return errors;
    }

    void stop() {
        env.setTemplateExceptionHandler(handler);
        env.setAttemptExceptionReporter(reporter);
    }

    boolean seen() {
        return seen;
    }

    @Override
    public void handleTemplateException(TemplateException error, Environment environment, Writer out)
            throws TemplateException {
        seen = true;
        handler.handleTemplateException(error, environment, out);
    }

    @Override
    public void report(TemplateException error, Environment environment) {
        seen = true;
        reporter.report(error, environment);
    }
}
