"""Entry script of the frozen build (both executables): the same command line as ``python -m hazard_desktop``."""

import sys

from hazard_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
