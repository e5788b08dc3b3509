"""Many journeys as one portfolio: shared library files, links between journeys, and the cross-journey report.

- ``library``: the library file (its model and its validation);
- ``uses``: following a journey's `uses` (and the configured default libraries) to the declarations it may refer to;
- ``digest``: the few facts of one journey that checks across files need, small enough to cross processes;
- ``links``: the checks across files (journey links, library entries nobody uses, the portfolio rules);
- ``report``: the portfolio report as data; ``writers`` prints it as text, Markdown, JSON or CSV.
"""
