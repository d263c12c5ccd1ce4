package io.ocpi.adapter.protocol.client;

import io.ocpi.adapter.config.OcpiProperties;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where a URL a peer gave us may lead ({@code ocpi.client.allowed-networks}). Every URL the adapter calls comes from a
 * peer (its versions URL, version details, module endpoints, response URLs, Link headers), so a peer, or anyone
 * holding a token A, could otherwise make the adapter call the services around it. Refused unless the address lies
 * in an allowed network: loopback, link-local (cloud metadata endpoints), private networks (RFC 1918, shared address
 * space, IPv6 unique local), and this host's own addresses at the adapter's own ports. Never allowed: the
 * unspecified, multicast and reserved addresses, which no peer can have.
 *
 * <p>The host name is resolved here and every address it has must pass. The HTTP client then connects to one of
 * them, as the JVM's DNS cache ({@code networkaddress.cache.ttl}) still holds them.
 */
@Component
public class PeerAddressPolicy {

    /** An IPv4 or IPv6 network in CIDR notation, such as {@code 10.20.0.0/16}. */
    record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            String[] parts = cidr.strip().split("/", 2);
            if (!parts[0].matches("[0-9A-Fa-f:.]+")) {
                throw new IllegalArgumentException("ocpi.client.allowed-networks: '" + cidr + "' is not a network such as 10.20.0.0/16");
            }
            try {
                byte[] address = InetAddress.getByName(parts[0]).getAddress();
                int bits = parts.length == 1 ? address.length * 8 : Integer.parseInt(parts[1]);
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("ocpi.client.allowed-networks: '" + cidr + "' has no valid prefix length");
                }
                return new Network(address, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("ocpi.client.allowed-networks: '" + cidr + "' is not a network such as 10.20.0.0/16", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Network> allowed;
    private final Supplier<Set<Integer>> ownPorts;

    @Autowired
    public PeerAddressPolicy(OcpiProperties properties, Environment environment) {
        this(properties.client().allowedNetworks(), () -> ownPorts(environment));
    }

    PeerAddressPolicy(List<String> allowedNetworks, Supplier<Set<Integer>> ownPorts) {
        this.allowed = allowedNetworks.stream().filter(n -> !n.isBlank()).map(Network::parse).toList();
        this.ownPorts = ownPorts;
    }

    /** The ports this adapter serves on: HTTP, management, and the embedded SFTP server's. */
    private static Set<Integer> ownPorts(Environment environment) {
        boolean embeddedSftp = environment.getProperty("ocpi.bindings.sftp.embedded.enabled", Boolean.class, false);
        return Stream.of(environment.getProperty("local.server.port", Integer.class),
                        environment.getProperty("local.management.port", Integer.class),
                        embeddedSftp ? environment.getProperty("ocpi.bindings.sftp.port", Integer.class) : null)
                .filter(port -> port != null && port > 0)
                .collect(Collectors.toSet());
    }

    /** Refuses, with the reason, a URL the adapter may not call. */
    public void check(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new PeerCallException(url, 0, null, "not allowed to call " + url + ": not an http(s) URL with a host", null);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new PeerCallException(url, 0, null, "peer unreachable at " + url + ": unknown host " + uri.getHost(), e);
        }
        for (InetAddress address : addresses) {
            String refusal = refusal(address, port);
            if (refusal != null) {
                throw new PeerCallException(url, 0, null, "not allowed to call " + url + ": " + address.getHostAddress() + " is "
                        + refusal + " (ocpi.client.allowed-networks)", null);
            }
        }
    }

    /** Why the adapter may not call this address and port, or null when it may. */
    String refusal(InetAddress address, int port) {
        InetAddress judged = embeddedIpv4(address);
        byte[] bytes = judged.getAddress();
        boolean v4 = judged instanceof Inet4Address;
        if (judged.isAnyLocalAddress() || v4 && bytes[0] == 0) {
            return "an unspecified address";
        }
        if (judged.isMulticastAddress() || v4 && (bytes[0] & 0xF0) == 0xF0) {
            return "a multicast, broadcast or reserved address";
        }
        if (allowed.stream().anyMatch(network -> network.contains(judged) || network.contains(address))) {
            return null;
        }
        if (ownPorts.get().contains(port) && isOfThisHost(judged)) {
            return "this host at a port of this adapter";
        }
        if (judged.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (judged.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (judged.isSiteLocalAddress() || v4 && (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64 || !v4 && (bytes[0] & 0xFE) == 0xFC) {
            return "a private address";
        }
        return null;
    }

    /** An IPv6 address that carries an IPv4 one (IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d) is judged by it. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 16) {
            return address;
        }
        boolean compatible = zeros(bytes, 0, 12) && bytes[12] != 0;
        boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xFF && bytes[3] == (byte) 0x9B && zeros(bytes, 4, 12);
        if (!compatible && !nat64) {
            return address;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOfThisHost(InetAddress address) {
        try {
            return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true;
        }
    }
}
