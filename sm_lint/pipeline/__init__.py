"""After the rules have checked a draft: selection of rules (select/ignore), then the
filter steps (severity, de-duplication, sorting, suppressions, baseline)."""
