package io.cachalot.templates.freemarker;

import freemarker.template.Configuration;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import io.cachalot.Cachalot;
import io.cachalot.templates.FragmentCaching;

/**
 * The {@code cachalot} shared variable of FreeMarker templates:
 *
 * <pre>{@code
 * CachalotModel.install(configuration, Cachalot.of(entityManagerFactory));
 * }</pre>
 *
 * <pre>{@code
 * <@cachalot.cache tables=["book", "author"] key=user.id timeout=600>...</@cachalot.cache>
 * ${cachalot.lastInvalidation("book")!"never"}  ${cachalot.versionTag("book", "author")}
 * }</pre>
 *
 * Members: {@code cache} ({@link CacheDirective}), {@code lastInvalidation} ({@link LastInvalidationMethod}),
 * {@code versionTag} ({@link VersionTagMethod}). Immutable and thread-safe.
 */
public final class CachalotModel implements TemplateHashModel {

    public static final String VARIABLE_NAME = "cachalot";
    public static final String CACHE = "cache";
    public static final String LAST_INVALIDATION = "lastInvalidation";
    public static final String VERSION_TAG = "versionTag";

    private final CacheDirective cache;
    private final LastInvalidationMethod lastInvalidation;
    private final VersionTagMethod versionTag;

    public CachalotModel(Cachalot cachalot) {
        this.cache = new CacheDirective(new FragmentCaching(cachalot));
        this.lastInvalidation = new LastInvalidationMethod(cachalot);
        this.versionTag = new VersionTagMethod(cachalot);
    }

    /** Makes {@code cachalot} a shared variable of every template of this configuration. */
    public static CachalotModel install(Configuration configuration, Cachalot cachalot) {
        CachalotModel model = new CachalotModel(cachalot);
        configuration.setSharedVariable(VARIABLE_NAME, model);
        return model;
    }

    @Override
    public TemplateModel get(String key) {
        return switch (key) {
            case CACHE -> cache;
            case LAST_INVALIDATION -> lastInvalidation;
            case VERSION_TAG -> versionTag;
            default -> null;
        };
    }

    @Override
    public boolean isEmpty() {
        return false;
    }
}
