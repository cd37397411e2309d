"""Running the linter over many drafts: the Linter (configuration per draft, rule packs,
the per-draft pipeline) and the worker processes."""
