package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollingTest {

    @Test
    void returnsAsSoonAsTheProbeHolds() {
        AtomicInteger looks = new AtomicInteger();

        Polling.await("third look", Duration.ofSeconds(10), () -> looks.incrementAndGet() == 3);

        assertThat(looks).hasValue(3);
    }

    @Test
    void treatsAnIoExceptionAsNotYet() {
        AtomicInteger looks = new AtomicInteger();

        Polling.await("recovery", Duration.ofSeconds(10), () -> {
            if (looks.incrementAndGet() < 2) {
                throw new IOException("connection refused");
            }
            return true;
        });

        assertThat(looks).hasValue(2);
    }

    @Test
    void timesOutNamingWhatWasAwaitedAndTheLastFailure() {
        assertThatThrownBy(() -> Polling.await("the moon", Duration.ofMillis(50), () -> {
            throw new IOException("still dark");
        })).isInstanceOf(Polling.TimedOut.class)
                .hasMessageContaining("the moon")
                .hasMessageContaining("still dark");
    }

    @Test
    void stopsAtOnceWhenTheProbeThrowsARuntimeException() {
        AtomicInteger looks = new AtomicInteger();

        assertThatThrownBy(() -> Polling.await("a dead process", Duration.ofSeconds(10), () -> {
            looks.incrementAndGet();
            throw new IllegalStateException("exited with code 1");
        })).isInstanceOf(IllegalStateException.class).hasMessage("exited with code 1");
        assertThat(looks).hasValue(1);
    }
}
