"""Run the dashboard in a background thread (a notebook, a test, a benchmark).

with running(create_app("alliances.db")) as url:
    ...  # the dashboard answers at url until the block ends
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from starlette.applications import Starlette


def config(app: Starlette, host: str = "127.0.0.1", port: int = 8000) -> uvicorn.Config:
    """uvicorn settings shared by `alliances serve` and `running`: HTTP only, quiet."""
    return uvicorn.Config(app, host=host, port=port, log_level="warning", ws="none", lifespan="off")


@contextmanager
def running(app: Starlette, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve `app` on host:port (0: a free port) until the block ends; yields the base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    server = uvicorn.Server(config(app, host, sock.getsockname()[1]))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the dashboard server stopped while starting")
            time.sleep(0.01)
        yield f"http://{host}:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
