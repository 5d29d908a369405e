package dev.certloom.api.plugin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Tags a plugin component with the service properties the core selects it by:
 * {@value #NAME} and {@value #DESCRIPTION}. Put it on the component class next to
 * {@code @Component}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CertloomPlugin {

    /** Prefix that makes the member names below into the service property names. */
    String PREFIX_ = "certloom.plugin.";

    /** The service property holding the plugin's name. */
    String NAME = "certloom.plugin.name";

    /** The service property holding the plugin's one-paragraph description. */
    String DESCRIPTION = "certloom.plugin.description";

    /**
     * The name users select the plugin by ({@code -a NAME}, {@code --NAME}): lower case
     * letters, digits and dashes, such as {@code webroot}.
     */
    String name();

    /**
     * What the plugin does, what it touches on disk and its limitations, in a few
     * sentences; {@code plugins} and {@code --help} show it.
     */
    String description();
}
