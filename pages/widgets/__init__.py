"""Shared Streamlit pieces used by the pages: data access with caching, texts, chrome."""
