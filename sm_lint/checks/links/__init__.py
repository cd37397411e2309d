"""Links: host lists kept as data and how far a link can be trusted (6(1)②)."""
