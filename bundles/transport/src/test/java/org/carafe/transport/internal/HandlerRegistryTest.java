package org.carafe.transport.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.carafe.api.handler.RequestHandler;
import org.junit.Test;
import org.osgi.framework.Constants;

/** Which handler the registry puts in charge of a request name. */
public class HandlerRegistryTest {
    private final List<String> arrived = new ArrayList<>();
    private final HandlerRegistry registry = new HandlerRegistry(arrived::add);
    private long nextId = 1;

    @Test
    public void highestRankingWins() {
        RequestHandler low = request -> { };
        RequestHandler high = request -> { };

        registry.add(low, props("dup_handle", 0));
        registry.add(high, props("dup_handle", 10));

        assertSame(high, registry.find("dup_handle"));
        assertEquals(List.of("dup_handle", "dup_handle"), arrived);
    }

    @Test
    public void equalRankingsGoToTheLowestServiceId() {
        RequestHandler first = request -> { };
        RequestHandler second = request -> { };

        registry.add(second, props("select", 5, 42));
        registry.add(first, props("select", 5, 7));

        assertSame(first, registry.find("select"));
    }

    @Test
    public void unbindFallsBackToTheNextInRank() {
        RequestHandler base = request -> { };
        RequestHandler override = request -> { };
        Map<String, Object> baseProps = props("close_handle", 0);
        Map<String, Object> overrideProps = props("close_handle", 100);
        registry.add(base, baseProps);
        registry.add(override, overrideProps);

        registry.remove(override, overrideProps);
        assertSame(base, registry.find("close_handle"));

        registry.remove(base, baseProps);
        assertNull(registry.find("close_handle"));
    }

    @Test
    public void aRankingChangeReordersTheHandlers() {
        RequestHandler a = request -> { };
        RequestHandler b = request -> { };
        Map<String, Object> aProps = props("event_op", 1);
        registry.add(a, aProps);
        registry.add(b, props("event_op", 2));

        aProps.put(Constants.SERVICE_RANKING, 3);
        registry.update(a, aProps);

        assertSame(a, registry.find("event_op"));
    }

    @Test
    public void oneServiceMayServeSeveralNames() {
        RequestHandler both = request -> { };
        Map<String, Object> props = props("x", 0);
        props.put(RequestHandler.REQUEST, new String[] {"suspend_thread", "resume_thread"});

        registry.add(both, props);

        assertSame(both, registry.find("suspend_thread"));
        assertSame(both, registry.find("resume_thread"));
        assertNull(registry.find("x"));
    }

    @Test
    public void aHandlerWithoutANameIsIgnored() {
        Map<String, Object> props = props("x", 0);
        props.remove(RequestHandler.REQUEST);

        registry.add(request -> { }, props);

        assertEquals(List.of(), arrived);
    }

    private Map<String, Object> props(String name, int ranking) {
        return props(name, ranking, nextId++);
    }

    private static Map<String, Object> props(String name, int ranking, long id) {
        Map<String, Object> props = new HashMap<>();
        props.put(RequestHandler.REQUEST, name);
        props.put(Constants.SERVICE_RANKING, ranking);
        props.put(Constants.SERVICE_ID, id);
        return props;
    }
}
