package org.carafe.object.internal;

import java.util.concurrent.ExecutionException;

import org.carafe.api.lifecycle.ProcessListener;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.LinuxProcesses;
import org.carafe.api.model.ServerLoop;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the server's {@link Kernel}, its {@link ServerLoop} and {@link LinuxProcesses}: creates
 * them when the component activates, registers the kernel as a service, and feeds it the
 * {@link ProcessListener} services as they come and go. On deactivation the kernel ends every
 * thread on the loop, then the loop stops. The kernel lives as long as this bundle, so handler
 * bundles can be updated under it; SCR calls this class from its own threads.
 */
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"org.carafe.api.model.Kernel\"",
        uses = Kernel.class)
@Component(immediate = true)
public final class KernelComponent {
    private static final Logger LOG = LoggerFactory.getLogger(KernelComponent.class);

    private final ServerLoop loop;
    private final Kernel kernel;
    private final ServiceRegistration<Kernel> registration;

    @Activate
    public KernelComponent(BundleContext context) {
        loop = new ServerLoop();
        kernel = new Kernel(loop, new LinuxProcesses());
        registration = context.registerService(Kernel.class, kernel, null);
        LOG.info("Carafe kernel started");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(ProcessListener listener) {
        kernel.addListener(listener);
    }

    void removeListener(ProcessListener listener) {
        kernel.removeListener(listener);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();

        try {
            loop.call(() -> {
                kernel.shutdown();
                return null;
            });
        } catch (ExecutionException e) {
            LOG.error("Carafe kernel shutdown failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }

        loop.shutdown();
        LOG.info("Carafe kernel stopped");
    }
}
