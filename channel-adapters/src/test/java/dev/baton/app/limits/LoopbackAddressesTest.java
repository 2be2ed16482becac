package dev.baton.app.limits;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's own machine is no one client: limits per address leave loopback addresses alone. */
class LoopbackAddressesTest {

    @Test
    void loopbackAddressesAreNotLimitedAsOneClientAndOthersAre() {
        assertThat(ClientAddress.limitedAsOne("127.0.0.1")).isFalse();
        assertThat(ClientAddress.limitedAsOne("127.0.1.1")).isFalse();
        assertThat(ClientAddress.limitedAsOne("0:0:0:0:0:0:0:1")).isFalse();
        assertThat(ClientAddress.limitedAsOne("203.0.113.7")).isTrue();
        assertThat(ClientAddress.limitedAsOne("2001:db8:0:0:0:0:0:1")).isTrue();
        assertThat(ClientAddress.limitedAsOne(ClientAddress.UNKNOWN)).isTrue();
    }

    @Test
    void aLocalProxyMayOpenAnyNumberOfSocketsWhileAnotherAddressMeetsItsMaximum() {
        SocketsPerAddress sockets = new SocketsPerAddress(2);

        assertThat(IntStream.range(0, 1_000).mapToObj(i -> sockets.tryOpen("127.0.0.1"))).allMatch(place -> place.isPresent());
        assertThat(sockets.open("127.0.0.1")).isZero();
        assertThat(sockets.tryOpen("203.0.113.7")).isPresent();
        assertThat(sockets.tryOpen("203.0.113.7")).isPresent();
        assertThat(sockets.tryOpen("203.0.113.7")).isEmpty();
    }
}
