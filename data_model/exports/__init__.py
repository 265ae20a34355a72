"""Documents for the council: the summary data, and PDF, Excel and CSV built from it."""
