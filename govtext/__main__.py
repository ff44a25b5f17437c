"""``python -m govtext``: the same as the ``govtext`` command."""
import sys

from .cli import main

if __name__ == "__main__":  # guarded: process pools that spawn re-import the main module
    sys.exit(main())
