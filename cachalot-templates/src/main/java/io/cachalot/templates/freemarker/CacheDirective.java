package io.cachalot.templates.freemarker;

import freemarker.core.CallPlaceCustomDataInitializationException;
import freemarker.core.DirectiveCallPlace;
import freemarker.core.Environment;
import freemarker.template.Template;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import io.cachalot.templates.FragmentCaching;
import io.cachalot.templates.FragmentKeys;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code <@cachalot.cache tables=["book", "author"] key=user.id timeout=600>...</@cachalot.cache>}: the body's
 * output is cached until one of the tables (or entities) is invalidated.
 *
 * <ul>
 * <li>{@code tables} (required): a sequence of table or entity names, or one string with names separated by
 * commas;</li>
 * <li>{@code key}: what the output varies with besides the template, the locale and the tables (a user id, a
 * page number, a sequence of such values); everything the body shows that depends on the user or the
 * request must be in it;</li>
 * <li>{@code timeout}: the most seconds an output is served, a positive number.</li>
 * </ul>
 * Unknown or missing parameters are rejected. Stateless: the body renders into a writer that passes the
 * output on and keeps a copy, which is stored only if the body completed without any error (thrown, ignored
 * by a lenient exception handler, or recovered by an {@code #attempt} inside the body).
 */
public final class CacheDirective implements TemplateDirectiveModel {

    public static final String TABLES = "tables";
    public static final String KEY = "key";
    public static final String TIMEOUT = "timeout";
    private static final Set<String> PARAMETERS = Set.of(TABLES, KEY, TIMEOUT);
    private static final String NAME = CachalotModel.VARIABLE_NAME + "." + CachalotModel.CACHE;
    /** Identifies the place string this directive keeps on each of its call places. */
    private static final Object PLACE = new Object();

    private final FragmentCaching caching;

    CacheDirective(FragmentCaching caching) {
        this.caching = caching;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        checkCall(params, loopVars, body);
        Object[] tables = TableArguments.of(NAME + " " + TABLES, List.of(params.get(TABLES)));
        Object key = params.containsKey(KEY) ? DeepUnwrap.unwrap((TemplateModel) params.get(KEY)) : null;
        Duration lifespan = lifespan((TemplateModel) params.get(TIMEOUT));

        String place = placeOf(env);
        if (place == null) {
            body.render(env.getOut());
            return;
        }
        String cacheKey;
        try {
            cacheKey = caching.keyOf(place, tables, key, env.getLocale());
        } catch (IllegalArgumentException e) {
            throw new TemplateModelException(NAME + ": " + e.getMessage(), e);
        }
        Writer out = env.getOut();
        Optional<String> cached = caching.lookup(cacheKey);
        if (cached.isPresent()) {
            out.write(cached.get());
            return;
        }
        CopyingWriter copy = new CopyingWriter(out);
        BodyErrors errors = BodyErrors.watch(env);
        try {
            body.render(copy);
        } finally {
            errors.stop();
        }
        if (!errors.seen()) {
            caching.store(cacheKey, copy.copy(), lifespan);
        }
    }

    @SuppressWarnings("rawtypes")
    private static void checkCall(Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateModelException {
        Set<String> unknown = new TreeSet<>();
        for (Object name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                unknown.add(String.valueOf(name));
            }
        }
        if (!unknown.isEmpty()) {
            throw new TemplateModelException(NAME + ": unknown parameter" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; the parameters are " + TABLES + ", " + KEY + " and " + TIMEOUT);
        }
        if (!params.containsKey(TABLES)) {
            throw new TemplateModelException(NAME + ": missing required parameter " + TABLES
                    + " (the tables or entities the body shows, e.g. " + TABLES + "=[\"book\", \"author\"])");
        }
        if (loopVars.length > 0) {
            throw new TemplateModelException(NAME + ": takes no loop variables");
        }
        if (body == null) {
            throw new TemplateModelException(NAME + ": needs a body, <@" + NAME + " ...>...</@" + NAME + ">");
        }
    }

    private static Duration lifespan(TemplateModel timeout) throws TemplateModelException {
        try {
            return FragmentCaching.lifespan(timeout == null ? null : DeepUnwrap.unwrap(timeout));
        } catch (IllegalArgumentException e) {
            throw new TemplateModelException(NAME + " " + TIMEOUT + ": " + e.getMessage(), e);
        }
    }

    /**
     * The template, position and source of this call, computed once per call place of a loaded template;
     * null when not called from a template (then the body is rendered, uncached).
     */
    private static String placeOf(Environment env) throws TemplateModelException {
        DirectiveCallPlace place = env.getCurrentDirectiveCallPlace();
        if (place == null) {
            return null;
        }
        try {
            return (String) place.getOrCreateCustomData(PLACE, () -> {
                Template template = place.getTemplate();
                String source = template.getSource(place.getBeginColumn(), place.getBeginLine(),
                        place.getEndColumn(), place.getEndLine());
                return FragmentKeys.place(template.getSourceName(), place.getBeginLine(), place.getBeginColumn(),
                        source);
            });
        } catch (CallPlaceCustomDataInitializationException e) {
            throw new TemplateModelException(NAME + ": cannot identify the call place", e);
        }
    }
}
