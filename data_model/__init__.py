"""The Osallistuva Heinola domain: models, database, seed data, services and metrics."""
