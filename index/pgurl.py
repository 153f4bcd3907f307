"""PostgreSQL URLs (``RAG_DATABASE_URL``): checked before anything connects, and written in
messages and logs without their password.

Pure string work (no psycopg), so settings can check a URL without loading the backend."""

from __future__ import annotations

import ipaddress
import re

SCHEMES = ("postgresql://", "postgres://")
FORM = "postgresql://user:password@host:port/dbname"
MASK = "***"

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# a key=value connection string's password (libpq: a value may be quoted, quotes escaped)
_CONNINFO_PASSWORD = re.compile(r"(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'?|\S*)", re.IGNORECASE)


def redacted(url: str) -> str:
    """``url`` with its password masked, for messages and logs: the password of the user
    (``user:***@host``), a ``password=`` query parameter, or a key=value connection string's
    ``password=``.  A URL whose parts cannot be told apart (an ``@`` after its host, no
    ``scheme://``) is masked whole but for its scheme and what follows its last ``@``."""
    found = _SCHEME.match(url)
    if found is None:  # host=h dbname=d password=..., or a URL missing its "://"
        masked = _CONNINFO_PASSWORD.sub(rf"\g<1>{MASK}", url)
        _, at, host = masked.rpartition("@")
        if at:
            return f"{MASK}@{host}"
        return masked if "=" in url else MASK
    scheme, rest = found.group(0), url[found.end():]
    parts = _split(rest)
    if parts is None:  # in doubt: nothing after the scheme
        return scheme + MASK
    userinfo, hosts, path, query = parts
    if userinfo is not None:
        user, colon, password = userinfo.partition(":")
        userinfo = f"{user}:{MASK}" if colon and password else user
    out = scheme + (f"{userinfo}@" if userinfo is not None else "") + hosts + path
    if query is not None:
        out += "?" + "&".join(_masked_param(p) for p in query.split("&"))
    return out


def url_problem(url: str) -> str | None:
    """Why ``url`` is not a PostgreSQL URL libpq would read (``postgresql://`` or
    ``postgres://``, a host list of ``host[:port]`` or ``[IPv6][:port]``, ports 1-65535,
    ``%`` followed by two hex digits, one ``@``), said without the URL; None when it is
    one.  An empty host (a Unix socket) and query parameters (``?host=/run/postgresql``,
    ``?sslmode=require``) are libpq's to check."""
    if not url.startswith(SCHEMES):
        scheme = _SCHEME.match(url)
        return (f"the scheme is {scheme.group(1)}://, not postgresql:// or postgres://" if scheme
                else "it does not begin with postgresql://")
    if _BAD_PERCENT.search(url):
        return "a % is not followed by two hex digits (write a % in the password as %25)"
    parts = _split(url.partition("://")[2])
    if parts is None:
        return "it has an @ after the host (write an @ in the user or password as %40)"
    userinfo, hosts, _path, _query = parts
    if userinfo is not None and "@" in userinfo:
        return "it has more than one @ (write an @ in the user or password as %40)"
    for host in hosts.split(","):
        problem = _host_problem(host)
        if problem:
            return problem
    return None


def check_url(url: str) -> str:
    """``url`` when it is a PostgreSQL URL (:func:`url_problem`); else ValueError saying why
    and the form expected, without the URL (a caller names it :func:`redacted`)."""
    problem = url_problem(url)
    if problem:
        raise ValueError(f"not a PostgreSQL URL ({FORM}): {problem}")
    return url


def _split(rest: str) -> tuple[str | None, str, str, str | None] | None:
    """(userinfo or None, host list, path, query or None) of what follows ``scheme://``,
    read as libpq reads it (the user and password end at an ``@`` before the first ``/``);
    None when an ``@`` follows the host list (a password with a raw ``/`` and so no telling
    where it ends)."""
    slash = rest.find("/")
    before_slash = rest if slash == -1 else rest[:slash]
    userinfo, at, hosts = before_slash.rpartition("@")
    remainder = hosts + rest[len(before_slash):]
    end = len(remainder)
    for stop in "/?":
        i = remainder.find(stop)
        if i != -1:
            end = min(end, i)
    hosts, tail = remainder[:end], remainder[end:]
    if "@" in tail:
        return None
    path, q, query = tail.partition("?")
    return (userinfo if at else None), hosts, path, (query if q else None)


def _masked_param(param: str) -> str:
    key, eq, value = param.partition("=")
    return f"{key}={MASK}" if eq and key.strip().lower() == "password" and value else param


def _host_problem(host: str) -> str | None:
    """Why one ``host[:port]`` of a URL's host list cannot be read; None when it can."""
    if host.startswith("["):
        address, bracket, after = host[1:].partition("]")
        if not bracket:
            return "an IPv6 address is not closed by ] (write [::1]:5432)"
        try:
            ipaddress.IPv6Address(address)
        except ValueError:
            return "the host in [ ] is not an IPv6 address"
        if after and not after.startswith(":"):
            return "something other than :port follows an IPv6 address's ]"
        port = after[1:] if after else ""
    elif "[" in host or "]" in host:
        return "a host has [ or ] but is not an [IPv6] address"
    else:
        _, _, port = host.partition(":")
        if host.count(":") > 1:
            return "a host has more than one : (write an IPv6 address in [ ])"
    if port and not (port.isdigit() and port.isascii() and 1 <= int(port) <= 65535):
        return "the port is not a number from 1 to 65535"
    return None
