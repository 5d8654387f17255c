"""`python -m hazard_desktop` entry point."""

import sys

from hazard_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
