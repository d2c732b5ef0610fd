package org.carafe.transport.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.junit.Test;

/** Configuration values are checked and refused with the key named, never clamped. */
public class SettingsTest {
    private final Map<String, Object> raw = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();

    @Test
    public void defaultsResolve() {
        Settings s = resolve();

        assertEquals(65536, s.maxRequestBytes());
        assertEquals(10, s.handlerWaitSeconds());
        assertFalse(s.persistent());
        assertFalse(s.trace());
    }

    @Test
    public void anUnsetPersistentFallsBackToTheLaunchersProperty() {
        env.put(Settings.PROP_PERSISTENT, "true");
        assertTrue(resolve().persistent());

        raw.put("persistent", "");
        assertTrue("the component's empty default counts as unset", resolve().persistent());

        raw.put("persistent", "${carafe.persistent}");
        assertTrue("an unresolved placeholder counts as unset", resolve().persistent());

        raw.put("persistent", "false");
        assertFalse(resolve().persistent());
    }

    @Test
    public void outOfRangeValuesAreRefusedByName() {
        refused("max.request.bytes", "-5", "max.request.bytes = -5 is outside");
        refused("max.connections", "0", "max.connections = 0 is outside");
        refused("handler.wait.seconds", "-3", "handler.wait.seconds = -3 is outside");
        refused("grace.seconds", "-1", "grace.seconds = -1 is outside");
    }

    @Test
    public void valuesOfTheWrongKindAreRefusedByName() {
        refused("handler.wait.seconds", "abc", "handler.wait.seconds is not a number");
        refused("trace", "yes", "trace = yes is not true or false");
        refused("persistent", "banana", "persistent = banana is not true or false");
    }

    private void refused(String key, String value, String message) {
        Map<String, Object> saved = new HashMap<>(raw);
        raw.put(key, value);
        try {
            resolve();
            fail(key + " = " + value + " was accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(message));
        } finally {
            raw.clear();
            raw.putAll(saved);
        }
    }

    private Settings resolve() {
        return Settings.resolve(config(), raw, env::get, 1000);
    }

    /** The annotation DS would make from {@link #raw}: values converted as DS does. */
    private TransportConfig config() {
        return (TransportConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TransportConfig.class}, (proxy, method, args) -> {
                    String key = method.getName().replace('_', '.');
                    Object value = raw.get(key);
                    Class<?> type = method.getReturnType();
                    if (value == null) {
                        return method.getDefaultValue();
                    }
                    if (type == int.class) {
                        return Integer.parseInt(value.toString());
                    }
                    if (type == boolean.class) {
                        return Boolean.parseBoolean(value.toString());
                    }
                    return value.toString();
                });
    }
}
