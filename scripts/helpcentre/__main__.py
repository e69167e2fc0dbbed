"""`python -m helpcentre ...`: the same as the `helpcentre` command (used for child builds)."""

from helpcentre.cli import main

raise SystemExit(main())
