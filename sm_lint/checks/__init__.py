"""Domain detectors the matcher kinds use: links/, privacy/, post/ (metadata, schedule,
counting, dates), images/. They know the guideline's subjects, not the rule engine."""
