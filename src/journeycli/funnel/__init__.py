"""Reach and drop-off: how many customers get to each step, and where the others go.

``reach`` holds the values a file gives and their checks, ``dropoff`` the flow
model computed from them, ``report`` the main-path funnel `journey funnel`
prints, ``cells`` what every format writes alike, ``text``, ``markdown``,
``json_format`` and ``csv_format`` the report formats (``choices.FUNNEL_FORMATS``)
and ``chart`` the SVG/PNG chart; the command's glue is ``commands/funnel.py``.
The model is defined in docs/funnel.md.
"""
