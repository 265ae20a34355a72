"""Writes: each service takes the acting user, checks permission, validates and audits.

Every service takes its arguments in one order: the Session first, then the acting user
(`user`, or `actor` where the row changed is itself a user), then what it changes. The read
side (metrics) takes the Session first too, so a call reads the same everywhere.
A change is audited with `audit.changed` (values before and after) or `audit.record`.
"""
