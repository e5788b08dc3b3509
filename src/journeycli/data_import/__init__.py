"""`journey data import`: new metric values and reach from a CSV export, written into the journey files.

``rows`` reads and checks the CSV (every problem located at its line and
column), ``edits`` turns the accepted rows into text splices of the journey
files; the command (``commands.data``) checks everything before it writes
anything. Codes D001–D007 are listed in docs/funnel.md.
"""
