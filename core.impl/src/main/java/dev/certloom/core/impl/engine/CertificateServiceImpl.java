package dev.certloom.core.impl.engine;

import dev.certloom.api.CertloomException;
import dev.certloom.api.Console;
import dev.certloom.api.hook.HookRunner;
import dev.certloom.api.service.CertificateRequest;
import dev.certloom.api.service.CertificateService;
import dev.certloom.api.service.Lineage;
import dev.certloom.core.impl.storage.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The certificate service for embedders, configured through Config Admin under the PID
 * {@value #PID}: which folders it works in. Without a configuration it uses certbot's.
 */
@Component(service = CertificateService.class, configurationPid = CertificateServiceImpl.PID)
@Designate(ocd = CertificateServiceImpl.Config.class)
public final class CertificateServiceImpl implements CertificateService {

    static final String PID = "dev.certloom.certificates";

    private final Engine engine;
    private final Workspace workspace;

    /** The folders the service works in. */
    @ObjectClassDefinition(name = "Certloom certificate service",
            description = "Folders of the certificate service that embedders call.")
    @interface Config {

        @AttributeDefinition(description = "Where lineages and accounts are kept "
                + "(certbot's --config-dir); an absolute path.")
        String configDir() default "/etc/letsencrypt";

        @AttributeDefinition(description = "Where temporary files go (--work-dir); absolute.")
        String workDir() default "/var/lib/letsencrypt";

        @AttributeDefinition(description = "Where the log goes (--logs-dir); absolute.")
        String logsDir() default "/var/log/letsencrypt";
    }

    @Activate
    public CertificateServiceImpl(@Reference Engine engine, Config config) {
        this.engine = engine;
        this.workspace = new Workspace(absolute("configDir", config.configDir()),
                absolute("workDir", config.workDir()), absolute("logsDir", config.logsDir()));
    }

    @Override
    public Lineage obtain(CertificateRequest request, Console console) throws CertloomException {
        return engine.obtain(workspace, request, console, HookRunner.DEFAULT_TIMEOUT);
    }

    @Override
    public List<Lineage> lineages() throws CertloomException {
        return engine.lineages(workspace);
    }

    private static Path absolute(String key, String value) {
        Path path = Path.of(value);
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("The configuration key " + key + " of " + PID
                    + " must be an absolute path, not '" + value + "'.");
        }
        return path;
    }
}
