"""The pictures of a draft: headers and metadata read (never pixels), and stripped by --fix."""
