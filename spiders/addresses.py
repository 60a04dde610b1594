"""Which hosts and IP addresses are private: IPv4 carried inside IPv6 (mapped, NAT64, 6to4) is judged as IPv4."""

from __future__ import annotations

import ipaddress
import re
import socket

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

LOCAL_NAMES = ("localhost", ".localhost", ".local", ".internal", ".lan", ".home.arpa")
# Shorthand IPv4 forms that resolvers accept (127.1, 2130706433, 0x7f.0.0.1, 0177.0.0.1): not host names.
LOOSE_IPV4 = re.compile(r"^(0x[0-9a-f]+|[0-9]+)(\.(0x[0-9a-f]+|[0-9]+)){0,3}$")
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # RFC 6052 well-known prefix: the last 32 bits are the IPv4
IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")  # deprecated ::a.b.c.d form


def embedded_ipv4(addr: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (IPv4-mapped, NAT64, 6to4, Teredo client, IPv4-compatible)."""
    if addr.ipv4_mapped:
        return addr.ipv4_mapped
    if addr in NAT64 or (addr in IPV4_COMPATIBLE and int(addr) > 1):
        return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    if addr.sixtofour:
        return addr.sixtofour
    if addr.teredo:
        return addr.teredo[1]
    return None


def is_private_address(addr: IPAddress) -> bool:
    """True for loopback, private, link-local, reserved, unspecified or multicast addresses, also when an IPv6
    address only wraps such an IPv4 address."""
    if isinstance(addr, ipaddress.IPv6Address) and (inner := embedded_ipv4(addr)) is not None:
        return is_private_address(inner)
    return not addr.is_global or addr.is_multicast


def parse_address(text: str) -> IPAddress:
    """An IP address from its text; IPv6 scope ids (fe80::1%eth0) are dropped. Raises ValueError."""
    return ipaddress.ip_address(text.split("%", 1)[0])


def is_private_host(host: str) -> bool:
    """True for private IPs in any spelling and for local host names; other names need resolving to judge."""
    host = host.strip("[]").rstrip(".").lower()
    if not host:
        return True
    try:
        addr = parse_address(host)
    except ValueError:
        if LOOSE_IPV4.match(host):
            try:
                addr = ipaddress.ip_address(socket.inet_aton(host))
            except OSError:
                return True  # looks like an address but is none: refuse rather than guess
        else:
            return host == "localhost" or host.endswith(LOCAL_NAMES)
    return is_private_address(addr)
