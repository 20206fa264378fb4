"""``python -m nn_helpers.grading``: o mesmo que ``nn-grade``."""

import sys

from .cli import main

sys.exit(main())
