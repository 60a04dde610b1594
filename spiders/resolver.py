"""Twisted resolver that refuses host names resolving to a private address: the guard sees what is connected to."""

from __future__ import annotations

import logging
import socket
from collections.abc import Sequence
from typing import Any, Self

from scrapy.resolver import HostResolution
from scrapy.utils.datatypes import LocalCache
from twisted.internet import defer
from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.interfaces import IAddress, IHostnameResolver, IResolverSimple
from twisted.internet.threads import deferToThreadPool
from twisted.python.failure import Failure
from zope.interface import implementer

from spiders.addresses import is_private_address, parse_address
from spiders.errors import RefusedAddress, ResolvedToPrivate, UnresolvableHost

logger = logging.getLogger(__name__)


def connectable_addresses(name: str, addresses: Sequence[str]) -> list[str]:
    """The addresses to connect to for ``name``: all of them, or ResolvedToPrivate when any is private (an
    attacker's name may mix a public address and a private one); UnresolvableHost when there are none."""
    if not addresses:
        raise UnresolvableHost(f"cannot resolve {name}: no address")
    if private := [text for text in addresses if is_private_address(parse_address(text))]:
        raise ResolvedToPrivate(f"refused {name}: resolves to private address {', '.join(private[:3])}")
    return list(addresses)


@implementer(IHostnameResolver, IResolverSimple)
class GuardedResolver:
    """Looks up every address of a name (A and AAAA) and lets Twisted connect only when none of them is private.

    Installed by the TWISTED_DNS_RESOLVER setting as the reactor's resolver, so feeds, sitemaps, listings,
    articles, robots.txt and redirect targets alike connect only where it allows. One lookup per host for the
    whole crawl; a name that does not resolve is refused too. Twisted reports any refusal as "no results", so
    ``refusal(host)`` keeps the reason for the downloader middleware to raise (spiders.middlewares).
    A RUMOURS_PRIVATE_ADDRESS_EXCEPTIONS ``host:port``, and everything with RUMOURS_ALLOW_PRIVATE_ADDRESSES,
    connects unchecked (a lookup without a port, through ``getHostByName``, gets no exception).
    """

    def __init__(
        self, reactor: Any, timeout: float = 60.0, allow_all: bool = False, exceptions: Sequence[str] = ()
    ) -> None:
        self.reactor = reactor
        self.timeout = timeout
        self.allow_all = allow_all
        self.exceptions = {e.strip().lower() for e in exceptions}
        self.lookups: LocalCache[str, list[str] | UnresolvableHost] = LocalCache(10_000)
        self.refusals: LocalCache[str, RefusedAddress] = LocalCache(10_000)

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> Self:
        settings = crawler.settings
        return cls(
            reactor,
            timeout=settings.getfloat("DNS_TIMEOUT", 60.0),
            allow_all=settings.getbool("RUMOURS_ALLOW_PRIVATE_ADDRESSES"),
            exceptions=settings.getlist("RUMOURS_PRIVATE_ADDRESS_EXCEPTIONS"),
        )

    def install_on_reactor(self) -> None:
        self.reactor.installResolver(self)
        self.reactor.installNameResolver(self)

    def lookup(self, name: str) -> list[str]:
        """Every address ``name`` resolves to (blocking: runs in the reactor's thread pool)."""
        infos = socket.getaddrinfo(name, None, type=socket.SOCK_STREAM)
        return list(dict.fromkeys(str(info[4][0]).split("%", 1)[0] for info in infos))

    def refusal(self, host: str) -> RefusedAddress | None:
        """Why connecting to ``host`` was refused in this crawl, if it was."""
        return self.refusals.get(host.rstrip(".").lower())

    # ---- the checks --------------------------------------------------------------------------------------
    def _addresses(self, name: str) -> defer.Deferred[list[str] | UnresolvableHost]:
        key = name.rstrip(".").lower()
        if key in self.lookups:
            return defer.succeed(self.lookups[key])
        looked_up = deferToThreadPool(self.reactor, self.reactor.getThreadPool(), self.lookup, name)
        looked_up.addTimeout(self.timeout, self.reactor)
        return looked_up.addErrback(self._failed, name).addCallback(self._remember, key)

    def _failed(self, failure: Failure, name: str) -> UnresolvableHost:
        if failure.check(defer.CancelledError, defer.TimeoutError):
            return UnresolvableHost(f"cannot resolve {name}: DNS lookup timed out after {self.timeout:g} s")
        return UnresolvableHost(f"cannot resolve {name}: {failure.value}")

    def _remember(self, found: list[str] | UnresolvableHost, key: str) -> list[str] | UnresolvableHost:
        self.lookups[key] = found
        return found

    def _judge(self, found: list[str] | UnresolvableHost, name: str, port: int | None) -> list[str]:
        """The addresses to connect to; raises the refusal (also remembered for ``refusal``)."""
        key = name.rstrip(".").lower()
        try:
            if isinstance(found, Exception):
                raise found
            if self.allow_all or (port is not None and f"{key}:{port}" in self.exceptions):
                return found
            return connectable_addresses(name, found)
        except RefusedAddress as exc:
            self.refusals[key] = exc
            logger.info("%s", exc)
            raise

    # ---- IHostnameResolver (Twisted's HTTP agent) -------------------------------------------------------
    def resolveHostName(
        self,
        resolutionReceiver: Any,  # an IResolutionReceiver (zope interfaces do not type-check as classes)
        hostName: str,
        portNumber: int = 0,
        addressTypes: Sequence[type[IAddress]] | None = None,
        transportSemantics: str = "TCP",
    ) -> HostResolution:
        resolution = HostResolution(hostName)
        resolutionReceiver.resolutionBegan(resolution)

        def deliver(found: list[str] | UnresolvableHost) -> None:
            try:
                for text in self._judge(found, hostName, portNumber):
                    kind = IPv4Address if parse_address(text).version == 4 else IPv6Address
                    if addressTypes is None or kind in addressTypes:
                        resolutionReceiver.addressResolved(kind("TCP", text, portNumber))
            except RefusedAddress:
                pass  # no address: Twisted fails the connection, the middleware gives the reason
            finally:
                resolutionReceiver.resolutionComplete()

        self._addresses(hostName).addCallback(deliver).addErrback(
            lambda failure: logger.error("resolving %s failed: %s", hostName, failure.getErrorMessage())
        )
        return resolution

    # ---- IResolverSimple (reactor.resolve, connectTCP) --------------------------------------------------
    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> defer.Deferred[str]:
        def first_ipv4(found: list[str] | UnresolvableHost) -> str:
            ipv4 = [a for a in self._judge(found, name, None) if parse_address(a).version == 4]
            if not ipv4:
                raise UnresolvableHost(f"cannot resolve {name}: no IPv4 address")
            return ipv4[0]

        return self._addresses(name).addCallback(first_ipv4)
