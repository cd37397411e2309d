"""Settings: `.sm-lint.yaml`, declared in one place (keys), found and loaded (loader)."""
