"""The rule engine: loading rule packs, the matcher kinds, and running rules on a draft."""
