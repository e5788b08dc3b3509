"""The formats of `journey portfolio`: ``text``, ``markdown``, ``json_format``, ``csv_format``, each a
``write(report, sections, out)`` over a ``report.PortfolioReport``; ``cells`` holds what they show alike."""
