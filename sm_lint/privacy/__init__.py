"""Personal-information detectors shared by the privacy kinds (5(3), 6(1)①).

Each detector runs once per draft (`Analysis.memo`) because several rules combine them:
a phone number next to a private person's name is worse than either alone.
"""


def line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The line around text[start:end]: items on one line of a post belong together."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end == -1 else line_end
