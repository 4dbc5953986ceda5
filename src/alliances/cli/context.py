"""Options and error handling shared by the commands."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from alliances.api import Alliances
from alliances.documents import DocumentError
from alliances.store import StoreError

DEFAULT_DB = "alliances.db"
USER_ERRORS: tuple[type[Exception], ...] = (StoreError, DocumentError, ValueError, OSError)


def db_option(command):
    """`--db PATH` (env ALLIANCES_DB, default ./alliances.db), kept on the click context."""

    def remember(ctx: click.Context, _param, value):
        if value is not None:
            ctx.ensure_object(dict)["db"] = value
        return value

    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="ALLIANCES_DB",
        default=None,
        expose_value=False,
        is_eager=True,
        callback=remember,
        help=f"knowledge base file [env ALLIANCES_DB; default ./{DEFAULT_DB}]",
    )(command)


def db_path() -> Path:
    ctx = click.get_current_context()
    return Path(ctx.find_root().ensure_object(dict).get("db") or DEFAULT_DB)


def open_db() -> Alliances:
    return Alliances(db_path())


def fail(message: str) -> None:
    """Print one line on stderr and exit 1."""
    raise click.ClickException(message)


def user_errors(command):
    """Map expected errors to a one-line message and exit code 1 (no traceback)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except USER_ERRORS as exc:
            fail(str(exc))

    return wrapper
