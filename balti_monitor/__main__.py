"""Allow ``python -m balti_monitor``."""

import sys

from balti_monitor.cli import main

sys.exit(main())
