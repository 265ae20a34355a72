"""Writes: each service takes the acting user, checks permission, validates and audits."""
