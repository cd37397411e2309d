"""Matcher kinds, one module each. Every module here is imported by `load_kinds()` and
registers its kind(s) with `@kind(...)`: adding a kind is adding a file."""
