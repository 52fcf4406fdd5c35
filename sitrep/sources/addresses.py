"""The network guard: which addresses a user's URL may reach.

A host name is resolved here (``getaddrinfo``, bounded by the connect timeout) so that the fetcher can judge
every address it has and then connect to a checked one; IPv6 forms that carry an IPv4 address are judged by
that address.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable

from sitrep.sources.refusal import Refused, one_line

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def resolve_host(host: str, port: int, timeout: float) -> list[IPAddress]:
    """The host's addresses (an IP literal is its own address); refusal when it cannot be resolved in time."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    outcome: dict[str, object] = {}

    def lookup() -> None:
        try:
            outcome["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            outcome["error"] = error

    # getaddrinfo has no timeout of its own: run it aside and stop waiting after the connect timeout.
    worker = threading.Thread(target=lookup, name="sitrep-resolve", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise Refused("timeout", f"timed out resolving {host} (after {timeout:g} s)")
    if "error" in outcome:
        raise Refused("dns", one_line(f"cannot resolve host name {host} ({outcome['error']})"))
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in outcome["infos"]:  # type: ignore[union-attr]
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise Refused("dns", f"cannot resolve host name {host} (no address)")
    return addresses


def address_problem(address: IPAddress) -> str | None:
    """Why an address may not be fetched from a user's URL (e.g. "loopback"), or None for a public one."""
    address = ipv4_inside(address)
    checks: tuple[tuple[str, Callable[[IPAddress], bool]], ...] = (
        ("unspecified", lambda a: a.is_unspecified),
        ("loopback", lambda a: a.is_loopback),
        ("link-local", lambda a: a.is_link_local),
        ("multicast", lambda a: a.is_multicast),
        ("private range", lambda a: a.is_private),
        ("reserved range", lambda a: a.is_reserved),
        ("not a public address", lambda a: not a.is_global),
    )
    for reason, test in checks:
        if test(address):
            return reason
    return None


_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def ipv4_inside(address: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4, Teredo, IPv4-compatible), else itself."""
    if isinstance(address, ipaddress.IPv4Address):
        return address
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64 or (address in _IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]  # the client's address
    return address


def show_address(address: IPAddress) -> str:
    """The address as people write it: "::ffff:127.0.0.1" rather than "::ffff:7f00:1"."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return f"::ffff:{address.ipv4_mapped}"
    return str(address)


def is_literal(host: str, address: IPAddress) -> bool:
    try:
        return ipaddress.ip_address(host) == address
    except ValueError:
        return False
