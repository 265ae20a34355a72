"""`python -m bench`: build a database of N actions fast, then time the report pages."""
