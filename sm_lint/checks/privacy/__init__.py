"""Personal-information detectors shared by the privacy kinds (5(3), 6(1)①).

Each detector runs once per draft (`Analysis.memo`) because several rules combine them:
a phone number next to a private person's name is worse than either alone. Items on one
line of a post belong together: `Analysis.line_span` gives that line.
"""
