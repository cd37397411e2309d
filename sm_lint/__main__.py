from sm_lint.cli import run

run()
