"""`journey rules`: the table of rules, or one rule in full, as text or JSON."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from ..usage import UsageError


@dataclass(frozen=True, kw_only=True)
class RulesOptions:
    code: str | None = None  # None: every rule
    format: str = "text"


def run(options: RulesOptions) -> int:
    from ..rules import all_rules, by_code
    from ..rules_doc import rule_detail, rules_json, rules_table

    code = options.code
    if code is not None:
        rule = by_code().get(code.upper())
        if rule is None:
            from ..suggest import did_you_mean

            same_family = [known for known in by_code() if known[0] == code[:1].upper()]  # X001 is no typo of E001
            raise UsageError(f"unknown rule `{code}`{did_you_mean(code.upper(), same_family)} (`journey rules` lists them all)")
        chosen = [rule]
    else:
        chosen = all_rules()
    if options.format == "json":
        sys.stdout.write(rules_json(chosen))
    elif code is not None:
        rule_detail(chosen[0], sys.stdout)
    else:
        rules_table(chosen, sys.stdout)
    return 0
