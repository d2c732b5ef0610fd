package org.carafe.object.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.carafe.api.lifecycle.ProcessListener;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.KernelHandover;
import org.carafe.api.model.LinuxProcesses;
import org.carafe.api.model.ServerLoop;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
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
 * Owns the server's one {@link Kernel}, with its {@link ServerLoop} and {@link LinuxProcesses},
 * and feeds it the {@link ProcessListener} services as they come and go. On first activation it
 * creates the kernel and publishes it through {@link KernelHandover}; when this bundle is
 * updated while the framework runs, it leaves the kernel there and its successor adopts it, so
 * processes, handles and connections stay. The listeners stay in the kernel meanwhile (they
 * are immediate components, so SCR keeps their instances), so a process that starts during the
 * swap gets its console and debugger at once; the successor binds them again and drops those
 * that left meanwhile. When the framework stops, the kernel ends every thread and its loop
 * stops. SCR calls this class from its own threads.
 */
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"org.carafe.api.model.Kernel\"",
        uses = Kernel.class)
@Component(immediate = true)
public final class KernelComponent {
    private static final Logger LOG = LoggerFactory.getLogger(KernelComponent.class);

    /** Listeners bound so far; guarded by this. Bound before activation, or after. */
    private final Set<ProcessListener> bound = new LinkedHashSet<>();
    private Kernel kernel;
    /** Left to a successor: the listeners stay in the kernel, SCR's unbinds are not news. */
    private boolean handingOver;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addListener(ProcessListener listener) {
        bound.add(listener);
        if (kernel != null) {
            kernel.addListener(listener);
        }
    }

    synchronized void removeListener(ProcessListener listener) {
        bound.remove(listener);
        if (kernel != null && !handingOver) {
            kernel.removeListener(listener);
        }
    }

    @Activate
    synchronized void activate(BundleContext context) {
        Kernel adopted = KernelHandover.adopt();
        if (adopted != null) {
            kernel = adopted;
            // stale ones first, so that a listener's successor hears what it missed
            kernel.retainListeners(bound);
            bound.forEach(kernel::addListener);
            LOG.info("Carafe kernel taken over from the previous revision of {} {}",
                    context.getBundle().getSymbolicName(), context.getBundle().getVersion());
            return;
        }

        kernel = new Kernel(new ServerLoop(), new LinuxProcesses());
        bound.forEach(kernel::addListener);
        KernelHandover.publish(kernel, context);
        LOG.info("Carafe kernel started");
    }

    @Deactivate
    synchronized void deactivate(BundleContext context) {
        if (updating(context)) {
            handingOver = true;
            KernelHandover.leave(KernelHandover.GRACE_MILLIS);
            LOG.info("Carafe kernel left for the next revision of {} (at most {} ms)",
                    context.getBundle().getSymbolicName(), KernelHandover.GRACE_MILLIS);
            return;
        }

        KernelHandover.end();
        LOG.info("Carafe kernel stopped");
    }

    /**
     * Whether this bundle stops on its own (an update, a refresh, a stop from the shell) while
     * the framework and the api bundle run on: only then can a successor adopt the kernel.
     */
    private static boolean updating(BundleContext context) {
        Bundle framework = context.getBundle(0);
        Bundle api = FrameworkUtil.getBundle(Kernel.class);
        return framework.getState() == Bundle.ACTIVE && api != null
                && api.getState() == Bundle.ACTIVE;
    }
}
