"""A draft's text, analysed once: normalized views with offset maps, links and mentions,
tokens, the Analysis every rule receives, regexes that cannot run away."""
