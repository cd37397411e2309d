"""`sm-lint serve`: a local web page where staff write a draft and see its findings as they
type. `session` is what the page asks of the engine, `frontmatter` writes the page's
selectors into the draft, `guard` decides which requests are answered, `server` is the HTTP
side; the page itself (HTML, script, style) is in `static/` and ships in the wheel."""
