"""Where `coproduce serve` listens and the address people type: kept apart from the server so
the command line can show its defaults without loading the web server."""

import socket

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def shown_address(host: str, port: int) -> str:
    """The address people type into their browser: this machine's name when listening on every
    interface, since 0.0.0.0 is not somewhere a browser can go."""
    name = socket.gethostname() if host in ("0.0.0.0", "::", "") else host
    return f"http://{name}:{port}"
