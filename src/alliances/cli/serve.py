"""`alliances serve`: the web dashboard over a knowledge base, read-only, on 127.0.0.1."""

from __future__ import annotations

import click

from alliances.cli.context import db_option, db_path, user_errors


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@user_errors
def serve(host: str, port: int) -> None:
    """Browse the knowledge base in a web dashboard (read-only)."""
    import uvicorn

    from alliances.web import create_app
    from alliances.web.server import config

    app = create_app(db_path())
    click.echo(f"Serving {db_path()} read-only at http://{host}:{port}/  (Ctrl-C stops)")
    uvicorn.Server(config(app, host, port)).run()


COMMANDS = [serve]
