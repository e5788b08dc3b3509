"""`python -m journeycli` runs the same CLI as the `journey` command."""

from .cli import main

main()
