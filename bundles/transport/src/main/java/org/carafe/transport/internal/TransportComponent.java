package org.carafe.transport.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.carafe.api.handler.RequestHandler;
import org.carafe.api.lifecycle.ProcessListener;
import org.carafe.api.model.Kernel;
import org.carafe.api.transport.HandedConnection;
import org.carafe.api.transport.HandedTransport;
import org.carafe.api.transport.TransportHandover;
import org.carafe.transport.stats.RequestStatistics;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport as a DS component: resolves the configuration, opens the master socket, runs
 * the IO thread, tracks the request handlers for the dispatcher and registers the idle
 * shutdown as a {@link ProcessListener}. SCR calls it on its own threads. Nothing here outlives
 * the component: when it goes, every connected thread ends with exit code 1.
 */
@Component(name = TransportComponent.PID, immediate = true,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TransportConfig.class)
public final class TransportComponent {
    static final String PID = "org.carafe.transport";

    private static final Logger LOG = LoggerFactory.getLogger(TransportComponent.class);
    private static final long STOP_MILLIS = 5000;
    /** DS's deactivation reason when the component's bundle stops (ComponentConstants). */
    private static final int BUNDLE_STOPPED = 6;

    private final BundleContext context;
    private final Kernel kernel;
    private final Limits limits = new Limits();
    private final HandlerRegistry handlers;
    private final Dispatcher dispatcher;
    private final IdleShutdown idle;
    private long uid;
    private Settings settings;
    private IoLoop io;
    /** Set once SCR has bound the handlers present at activation. */
    private volatile boolean settled;
    /** Between a successful start and deactivate: departing handlers' requests are taken back. */
    private volatile boolean serving;
    private ServiceRegistration<ProcessListener> idleRegistration;
    private ServiceRegistration<RequestStatistics> statsRegistration;

    @Activate
    public TransportComponent(BundleContext context, @Reference Kernel kernel,
            TransportConfig config, Map<String, Object> raw) {
        this.context = context;
        this.kernel = kernel;
        this.handlers = new HandlerRegistry(this::handlerArrived, this::origin);
        // quiet while this revision binds the handlers that are there, and after it stopped
        handlers.logSwapsAtInfo(() -> settled && serving
                && context.getBundle(0).getState() == Bundle.ACTIVE);
        this.dispatcher = new Dispatcher(kernel, handlers, limits);
        dispatcher.logTakeBacksAtInfo(() -> context.getBundle(0).getState() == Bundle.ACTIVE);
        this.idle = new IdleShutdown(kernel, this::openConnections, this::stopFramework);

        MasterSocket master;
        HandedTransport adopted = TransportHandover.adopt();
        try {
            uid = MasterSocket.ownUid();
            settings = Settings.resolve(config, raw, this::lookup, uid);
            if (adopted != null) {
                master = MasterSocket.adopt(adopted);
                dispatcher.adoptCodes(adopted.dynamicNames());
            } else {
                master = MasterSocket.open(settings.socketDir(), uid);
            }
            io = new IoLoop(master, uid, dispatcher, this::stopFramework);
        } catch (MasterSocket.LockHeldException e) {
            LOG.error(e.getMessage());
            stopFramework();
            return;
        } catch (IOException | RuntimeException e) {
            LOG.error("Carafe cannot listen: {}", e.getMessage(), e);
            if (adopted != null) {
                TransportHandover.abandon(adopted, kernel);
            }
            stopFramework();
            return;
        }

        limits.apply(settings);
        kernel.loop().execute(() -> idle.configure(settings.persistent(),
                settings.graceSeconds()));
        io.start();
        if (adopted != null) {
            io.adopt(adopted.connections());
            LOG.info("Carafe transport taken over from its previous revision: {} connections "
                    + "on {}", adopted.connections().size(), master.socketPath());
        }
        idleRegistration = context.registerService(ProcessListener.class, idle, null);
        statsRegistration = context.registerService(RequestStatistics.class,
                new TransportStatistics(dispatcher, limits), null);
        serving = true;
        if (adopted == null) {
            announce(master.socketPath());
        } else if (!master.dir().equals(settings.socketDir()) && !rebind(settings.socketDir())) {
            settings = settings.withSocketDir(master.dir());
        }
    }

    /** Called by SCR after the constructor and the first binds: later swaps are news. */
    @Activate
    void settled() {
        settled = true;
    }

    @Modified
    void modified(TransportConfig config, Map<String, Object> raw) {
        if (io == null) {
            return;
        }
        Settings wanted;
        try {
            wanted = Settings.resolve(config, raw, this::lookup, uid);
        } catch (IllegalArgumentException e) {
            LOG.error("Carafe transport configuration refused, the previous one stays: {}",
                    e.getMessage());
            return;
        }

        boolean moved = wanted.socketDir().equals(settings.socketDir())
                || rebind(wanted.socketDir());
        Settings next = moved ? wanted : wanted.withSocketDir(settings.socketDir());
        limits.apply(next);
        kernel.loop().execute(() -> idle.configure(next.persistent(), next.graceSeconds()));
        settings = next;
        LOG.info("Carafe transport reconfigured (trace {}, max request {} bytes)",
                next.trace() ? "on" : "off", next.maxRequestBytes());
    }

    @Deactivate
    void deactivate(int reason) {
        serving = false;
        if (io == null) {
            return;
        }
        statsRegistration.unregister();
        idleRegistration.unregister();
        if (reason == BUNDLE_STOPPED && updating()
                && handOff()) {
            return;
        }
        try {
            kernel.loop().call(() -> {
                idle.disarm();
                dispatcher.endAll(io.connections());
                return null;
            });
        } catch (ExecutionException | RuntimeException e) {
            LOG.warn("could not end the connected threads: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }

        try {
            io.stop(STOP_MILLIS);
            io.master().close();
        } catch (IOException e) {
            LOG.warn("closing the master socket failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Carafe transport stopped");
    }

    @Reference(service = RequestHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeHandler", updated = "updateHandler")
    void addHandler(RequestHandler handler, Map<String, Object> props) {
        handlers.add(handler, props);
    }

    void removeHandler(RequestHandler handler, Map<String, Object> props) {
        handlers.remove(handler, props);
        if (serving) {
            dispatcher.handlerGone(handler);
        }
    }

    void updateHandler(RequestHandler handler, Map<String, Object> props) {
        handlers.update(handler, props);
    }

    private void handlerArrived(String name) {
        if (dispatcher != null) {
            dispatcher.handlerArrivedLater(name);
        }
    }

    /** The symbolic name and current version of bundle {@code id} (SCR thread). */
    private HandlerRegistry.Origin origin(long id) {
        Bundle bundle = context.getBundle(id);
        if (bundle == null) {
            return null;
        }
        String name = bundle.getSymbolicName();
        return new HandlerRegistry.Origin(name != null ? name : "",
                bundle.getVersion().toString());
    }

    /**
     * Whether this bundle stops on its own (an update, a refresh) while the framework and the
     * api bundle run on, so that a successor can take the connections over.
     */
    private boolean updating() {
        Bundle api = FrameworkUtil.getBundle(TransportHandover.class);
        return context.getBundle(0).getState() == Bundle.ACTIVE && api != null
                && api.getState() == Bundle.ACTIVE;
    }

    /**
     * Leaves the master socket and every connection to a successor (see {@link
     * TransportHandover}); false if that failed, and the connections are to be ended instead.
     */
    private boolean handOff() {
        try {
            kernel.loop().call(() -> {
                idle.disarm();
                return null;
            });
            List<HandedConnection> left = io.handOff(dispatcher::handOff, STOP_MILLIS);
            List<String> names = kernel.loop().call(dispatcher::dynamicNames);
            TransportHandover.leave(io.master().handOff(left, names), kernel,
                    TransportHandover.GRACE_MILLIS);
            LOG.info("Carafe transport left {} connections for its next revision (at most {} "
                    + "ms)", left.size(), TransportHandover.GRACE_MILLIS);
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("could not hand the connections over ({}); ending them", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int openConnections() {
        return io != null ? io.openConnections() : 0;
    }

    /** Listens on {@code dir} instead; false (and an ERROR line) if it cannot. */
    private boolean rebind(Path dir) {
        try {
            MasterSocket next = MasterSocket.open(dir, uid);
            io.replaceMaster(next);
            announce(next.socketPath());
            return true;
        } catch (IOException e) {
            LOG.error("Carafe keeps listening on {}: {}", settings.socketDir(), e.getMessage());
            return false;
        }
    }

    /** A system property, framework property or environment variable; null when unset. */
    private String lookup(String name) {
        String value = context.getProperty(name);
        return value != null ? value : System.getenv(name);
    }

    private static void announce(Path socket) {
        String line = "Carafe listening on " + socket;
        LOG.info(line);
        System.out.println(line);
    }

    /** Stops the framework from a thread of its own (never from the loop or SCR's thread). */
    private void stopFramework() {
        Thread stopper = new Thread(() -> {
            try {
                context.getBundle(0).stop();
            } catch (BundleException | IllegalStateException e) {
                LOG.error("could not stop the framework", e);
            }
        }, "carafe-shutdown");
        stopper.start();
    }
}
