"""Reading and writing: drafts (encoding, front matter, line index), file lists, YAML loaded
safely, the bundled data, the signed on-disk cache, fixes written atomically. The lowest
layer above the foundation: nothing here knows about settings, rules or reports."""
