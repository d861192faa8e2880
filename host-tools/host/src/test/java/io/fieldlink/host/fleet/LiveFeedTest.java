package io.fieldlink.host.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.ingest.Uplink;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveFeedTest {
    private static Uplink uplink(long seq) {
        return new Uplink("m1", seq, List.of(), List.of(), 0);
    }

    @Test
    void watchersGetStoredUplinksInOrderOnTheFeedThread() throws Exception {
        BlockingQueue<Uplink> got = new LinkedBlockingQueue<>();
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        try (LiveFeed feed = new LiveFeed(16).start()) {
            feed.watch(batch -> {
                threads.add(Thread.currentThread().getName());
                got.addAll(batch);
            });
            for (long s = 1; s <= 5; s++) {
                feed.offer(uplink(s));
            }
            for (long s = 1; s <= 5; s++) {
                assertThat(got.poll(5, TimeUnit.SECONDS)).extracting(Uplink::seq).isEqualTo(s);
            }
            assertThat(threads.poll()).isEqualTo("fieldlink-live-feed");
        }
    }

    @Test
    void aFullQueueDropsForWatchersWithoutBlockingTheCaller() throws Exception {
        CountDownLatch inWatcher = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (LiveFeed feed = new LiveFeed(2).start()) {
            feed.watch(batch -> {
                inWatcher.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            feed.offer(uplink(1));
            assertThat(inWatcher.await(5, TimeUnit.SECONDS)).isTrue();
            for (long s = 2; s <= 6; s++) {
                feed.offer(uplink(s));
            }
            assertThat(feed.dropped()).isEqualTo(3);
            release.countDown();
        }
    }

    @Test
    void withoutWatchersNothingIsQueued() {
        try (LiveFeed feed = new LiveFeed(1).start()) {
            feed.offer(uplink(1));
            feed.offer(uplink(2));
            assertThat(feed.dropped()).isZero();
        }
    }

    @Test
    void aThrowingWatcherDoesNotStopTheOthers() throws Exception {
        BlockingQueue<Uplink> got = new LinkedBlockingQueue<>();
        try (LiveFeed feed = new LiveFeed(4).start()) {
            feed.watch(batch -> {
                throw new IllegalStateException("broken watcher");
            });
            feed.watch(got::addAll);
            feed.offer(uplink(1));
            feed.offer(uplink(2));
            assertThat(got.poll(5, TimeUnit.SECONDS)).isNotNull();
            assertThat(got.poll(5, TimeUnit.SECONDS)).isNotNull();
        }
    }
}
