"""What a command does beyond linting: a new draft's template, the generated staff pages."""
