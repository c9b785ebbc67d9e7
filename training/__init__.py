"""Training recipes that live next to the library but are not part of the installed package."""
