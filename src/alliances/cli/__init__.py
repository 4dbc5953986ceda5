"""The `alliances` command line: thin commands over the Python API.

Each command parses its options, calls one API function, and maps errors to a one-line message
and a non-zero exit.
"""

from __future__ import annotations

import click

from alliances import __version__
from alliances.cli import demo, documents, events, load, metrics, report, serve, system
from alliances.cli.context import db_option

COMMAND_MODULES = [documents, demo, serve, report, events, metrics, system, load]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="alliances")
@db_option
def main() -> None:
    """Build and measure a source-grounded model of alliance systems."""


for module in COMMAND_MODULES:
    for command in module.COMMANDS:
        main.add_command(command)
