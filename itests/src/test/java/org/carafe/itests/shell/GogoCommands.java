package org.carafe.itests.shell;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Calls a Gogo command as the Gogo runtime does: finds the service whose {@code
 * osgi.command.scope} and {@code osgi.command.function} match and invokes the public method
 * of that name with the given string arguments. Test thread only.
 */
final class GogoCommands {
    private final BundleContext context;

    GogoCommands(BundleContext context) {
        this.context = context;
    }

    /** The text {@code carafe:function args...} returns. */
    String call(String function, String... args) throws Exception {
        Object command = service(function);
        for (Method m : command.getClass().getMethods()) {
            if (m.getName().equals(function) && m.getParameterCount() == args.length) {
                try {
                    return String.valueOf(m.invoke(command, (Object[]) args));
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
                }
            }
        }
        fail("no method " + function + " with " + args.length + " arguments");
        return null;
    }

    private Object service(String function) throws InvalidSyntaxException {
        String filter = "(&(osgi.command.scope=carafe)(osgi.command.function=" + function + "))";
        Collection<ServiceReference<Object>> refs =
                context.getServiceReferences(Object.class, filter);
        if (refs.isEmpty()) {
            fail("no command carafe:" + function);
        }
        Object service = context.getService(refs.iterator().next());
        assertNotNull("command carafe:" + function, service);
        return service;
    }
}
