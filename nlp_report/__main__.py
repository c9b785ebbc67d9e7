"""``python -m nlp_report`` runs the command line."""

from .cli import main

raise SystemExit(main())
