"""The read side: SQL aggregates the pages draw. One module per question area."""
