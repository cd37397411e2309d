"""sm-lint: a compliance linter for draft social-media posts (上越市ソーシャルメディアガイドライン)."""

__version__ = "0.1.0"
