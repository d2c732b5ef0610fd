package org.carafe.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Boots the full server in Felix and checks that every Carafe bundle is ACTIVE. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ContainerSmokeIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return CarafeOptions.server();
    }

    @Test
    public void everyCarafeBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (String name : CarafeOptions.CARAFE_BUNDLES) {
            Bundle bundle = find(name);
            assertNotNull("bundle " + name + " is not installed", bundle);
            if (bundle.getState() != Bundle.ACTIVE) {
                notActive.add(name + " (state " + bundle.getState() + ")");
            }
        }
        assertTrue("not ACTIVE: " + notActive, notActive.isEmpty());
    }

    @Test
    public void slf4jIsWiredThroughPaxLogging() {
        Bundle api = find("org.ops4j.pax.logging.pax-logging-api");
        assertNotNull("pax-logging-api is not installed", api);
        assertEquals(Bundle.ACTIVE, api.getState());
        org.slf4j.LoggerFactory.getLogger(ContainerSmokeIT.class)
                .info("SLF4J works in the container");
    }

    @Test
    public void junixsocketLoadsItsNativeLibrary() throws Exception {
        Bundle wrapper = find("carafe-junixsocket");
        assertNotNull("carafe-junixsocket is not installed", wrapper);
        Class<?> socket = wrapper.loadClass("org.newsclub.net.unix.AFUNIXSocket");
        assertEquals(Boolean.TRUE, socket.getMethod("isSupported").invoke(null));
    }

    private Bundle find(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }
}
