package org.carafe.api.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.After;
import org.junit.Test;

public class EventTest {
    private final ModelFixture fixture = new ModelFixture();
    private final EmuThread waiter = fixture.thread;

    @After
    public void tearDown() {
        fixture.close();
    }

    @Test
    public void autoResetLetsOneWaiterThrough() {
        Event event = new Event(fixture.kernel, false, true);
        assertTrue(event.isSignaled(waiter));

        event.satisfied(waiter);

        assertFalse(event.isSignaled(waiter));
        assertFalse(event.isSet());
    }

    @Test
    public void manualResetStaysSetUntilReset() {
        Event event = new Event(fixture.kernel, true, false);
        assertFalse(event.isSignaled(waiter));

        event.set();
        event.satisfied(waiter);
        assertTrue(event.isSignaled(waiter));

        event.reset();
        assertFalse(event.isSignaled(waiter));
    }

    @Test
    public void setWakesWaitersAndPulseLeavesTheEventReset() {
        Event event = new Event(fixture.kernel, true, false);
        List<Boolean> seen = new ArrayList<>();
        event.addWaiter(new Waiter() {
            @Override
            public void wake(KObject source) {
                seen.add(source.isSignaled(waiter));
            }

            @Override
            public void cancel() {
            }
        });

        event.set();
        event.pulse();

        assertEquals(List.of(true, true), seen);
        assertFalse(event.isSet());
    }

    @Test
    public void removedWaiterIsNotWoken() {
        Event event = new Event(fixture.kernel, false, false);
        List<KObject> woken = new ArrayList<>();
        Waiter recorder = new Waiter() {
            @Override
            public void wake(KObject source) {
                woken.add(source);
            }

            @Override
            public void cancel() {
            }
        };
        event.addWaiter(recorder);
        event.removeWaiter(recorder);

        event.set();

        assertTrue(woken.isEmpty());
        assertTrue(event.isSet());
    }
}
