package org.carafe.api.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.After;
import org.junit.Test;

public class ServerLoopTest {
    private final ServerLoop loop = new ServerLoop();

    @After
    public void tearDown() {
        loop.shutdown();
    }

    @Test
    public void runsTasksInOrderOnItsOwnThread() throws Exception {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 1000; i++) {
            int k = i;
            loop.execute(() -> seen.add(k));
        }
        assertEquals("carafe-loop", loop.call(() -> Thread.currentThread().getName()));
        assertTrue(loop.call(loop::inLoop));
        assertFalse(loop.inLoop());
        assertEquals(1000, seen.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, (int) seen.get(i));
        }
    }

    @Test
    public void callFromTheLoopIsRefused() throws Exception {
        AtomicReference<Throwable> error = new AtomicReference<>();
        loop.call(() -> {
            try {
                loop.call(() -> null);
            } catch (IllegalStateException e) {
                error.set(e);
            }
            return null;
        });
        assertTrue(error.get() instanceof IllegalStateException);
    }

    @Test
    public void timersFireInDeadlineOrderAndCancelledOnesNever() throws Exception {
        List<String> fired = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        loop.schedule(() -> fired.add("late"), 60);
        ScheduledFuture<?> dropped = loop.schedule(() -> fired.add("dropped"), 20);
        loop.schedule(() -> fired.add("early"), 10);
        loop.schedule(done::countDown, 100);
        assertTrue(dropped.cancel(false));
        assertTrue(dropped.isCancelled());
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("early", "late"), fired);
    }

    @Test
    public void manyCancelledTimersArePurged() throws Exception {
        List<ScheduledFuture<?>> timers = new ArrayList<>();
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 1000; i++) {
            timers.add(loop.schedule(ran::incrementAndGet, 50));
        }
        for (ScheduledFuture<?> t : timers) {
            t.cancel(false);
        }
        CountDownLatch done = new CountDownLatch(1);
        loop.schedule(done::countDown, 80);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(0, ran.get());
    }

    @Test
    public void aDriverRunsTheTasksAndHandsThemBack() throws Exception {
        Semaphore wakeups = new Semaphore(0);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch attached = new CountDownLatch(1);
        Thread driver = new Thread(() -> {
            try {
                loop.attach(wakeups::release);
                attached.countDown();
                while (!stop.get()) {
                    long wait = loop.runPending();
                    if (wait != 0) {
                        wakeups.tryAcquire(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)),
                                TimeUnit.NANOSECONDS);
                    }
                }
                loop.runPending();
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                loop.detach();
            }
        }, "test-driver");

        // keep the own thread busy while the driver attaches: no task may overlap
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger count = new AtomicInteger();
        Runnable task = () -> {
            if (running.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            count.incrementAndGet();
            running.decrementAndGet();
        };
        for (int i = 0; i < 10_000; i++) {
            loop.execute(task);
        }
        driver.start();
        assertTrue(attached.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 10_000; i++) {
            loop.execute(task);
        }
        assertEquals("test-driver", loop.call(() -> Thread.currentThread().getName()));
        CountDownLatch timer = new CountDownLatch(1);
        AtomicReference<String> timerThread = new AtomicReference<>();
        loop.schedule(() -> {
            timerThread.set(Thread.currentThread().getName());
            timer.countDown();
        }, 20);
        assertTrue(timer.await(5, TimeUnit.SECONDS));
        assertEquals("test-driver", timerThread.get());

        stop.set(true);
        wakeups.release();
        driver.join(5000);
        assertFalse(driver.isAlive());
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        for (int i = 0; i < 10_000; i++) {
            loop.execute(task);
        }
        assertEquals("carafe-loop", loop.call(() -> Thread.currentThread().getName()));
        assertEquals(30_000, count.get());
        assertEquals(0, overlaps.get());
    }

    @Test
    public void onlyTheDriverMayRunPendingOrDetach() {
        try {
            loop.runPending();
            fail("runPending without a driver");
        } catch (IllegalStateException expected) {
            // fine
        }
        try {
            loop.detach();
            fail("detach without a driver");
        } catch (IllegalStateException expected) {
            // fine
        }
    }

    @Test(expected = java.util.concurrent.RejectedExecutionException.class)
    public void aStoppedLoopRefusesTasks() {
        loop.shutdown();
        loop.execute(() -> { });
    }
}
