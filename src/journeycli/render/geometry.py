"""The map poster's measures, in points at scale 1, one name each.

A page picks a scale for the whole drawing (``pages``); these are the sizes
before it. ``MIN_TEXT`` is the smallest font on the poster: the page layout
keeps it readable (``pages.READABLE``), so nothing else may be set smaller.
"""

from __future__ import annotations

# Across
MARGIN = 28  # around the poster
HEAD_W = 132  # the column of lane names on the left
COL_W = 178  # one step's column
COL_GAP = 14  # between two columns of a stage
BAND_PAD = 8  # inside a stage band, left and right of its cards
STAGE_GAP = 8  # between two stage bands
LANE_GAP = 10  # between two lanes, and between the lane names and the grid
CARD_PAD = 6  # inside a card
TEXT_W = COL_W - 2 * CARD_PAD - 8  # a line of text in a card, with a little to spare
MIN_POSTER_W = 1040  # a map of two steps still gets a readable title block

# Down
VISIBILITY_GAP = 30  # room for the line of visibility between two lanes
ROW_GAP = 2  # between two rows of a card
ITEM_GAP = 4  # between two pain points (or opportunities, metrics) of one card
ROW_SPACE = 24  # between two rows of stages on a page
TITLE_GAP = 14  # under the title block
LEGEND_GAP = 22  # above the legend
LEGEND_ROW = 26  # one line of the legend

# The emotion lane
LEVEL_GAP = 27  # between two emotion levels
EMOTION_TOP = 30  # room above +2 for the moment-of-truth star
EMOTION_BOTTOM = 22  # room under −2
POINT = 24  # diameter of an emotion point
CURVE_W = 2.5  # pen width of the emotion curve
RETURN_RISE = 14  # a loop back runs this far above the +2 guide

# Type, in points
MIN_TEXT = 9
NAME, META, THOUGHT, BODY, PILL, SMALL = 11.5, 9.5, 10, 10, 9, 10
STAGE_NAME, GOAL, TITLE, SUBTITLE, LANE_NAME, HEADING = 14, 10.5, 24, 11, 12, 11
POINT_TEXT = 10  # the signed number in an emotion point
