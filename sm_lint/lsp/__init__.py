"""`sm-lint lsp`: the language server (server.py), for editors; needs the `lsp` extra (pygls)."""
