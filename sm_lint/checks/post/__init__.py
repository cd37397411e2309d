"""The post as a whole: front-matter schema and metadata, working hours, counting a
post the way each platform does, dates the draft writes."""
