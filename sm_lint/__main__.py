from sm_lint.cli import main

main()
