"""The journey as JSON: every field with its default filled in, plus the resolved flow.

The journey part is the model's own JSON form (dates as ISO text, `x-` keys
kept, a metric of ``.nan`` or ``.inf`` as ``null`` so the output stays valid
JSON), so tools can read it without knowing the defaults of the format. The
``flow`` object adds what the file only implies: where the journey starts,
where each step leads (default order and `next` applied), its exits, and the
steps the flow never reaches. Keys keep the order of the format; step ids keep
document order.
"""

from __future__ import annotations

import json

from .. import json_text
from ..flow import resolve
from ..model import Journey


def export(journey: Journey) -> str:
    resolved = resolve(journey)
    reachable = resolved.reachable()
    data = json.loads(journey.model_dump_json())
    data["flow"] = {
        "start": resolved.start,
        "successors": {step_id: resolved.successors[step_id] for step_id in resolved.order},
        "exits": [step_id for step_id in resolved.order if resolved.is_exit(step_id)],
        "unreachable": [step_id for step_id in resolved.order if step_id not in reachable],
    }
    return json_text.dumps(data, allow_nan=False) + "\n"
