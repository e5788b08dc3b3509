"""What every writer shares when it shows a journey to people.

- ``symbols``: emotions, severities, statuses and numbers as symbols and words;
- ``markdown``: the one Markdown escaper (export, pains, diff);
- ``spreadsheet``: the guard that keeps CSV cells from running as formulas;
- ``terminal``: Rich on a terminal, plain text elsewhere, and control
  characters made visible.
"""
