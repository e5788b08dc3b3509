"""The starter journey `journey init` writes: small, valid, lint-clean, and a model of good practice."""

from __future__ import annotations

import json
import re
from datetime import date

from .schema import SCHEMA_ID

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9 _-]*")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
"""Words YAML 1.1 reads as true/false or null: an id such as `no` must be quoted to stay text."""

_TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A starter journey map. Replace the examples with what your research shows,
# then run `journey lint {id}.journey.yaml` and `journey render {id}.journey.yaml`.
format: 1
id: {id_value}
title: {title}
description: What this journey covers, for whom, from which moment to which.
owner: my-team
objectives:
  - Find where customers struggle and agree on who fixes what
last_reviewed: {today}
review_interval_months: 6
personas:
  - id: first-time-customer
    name: First-time customer
    goals: [Get it done quickly]
channels:
  - id: web
    name: Website
sources:
  - id: interviews
    kind: interview
    title: Customer interviews (n=8)
    date: {today}
stages:
  - id: discover
    name: Discover
    goal: Find out whether the offer fits
    steps:
      - id: read-offer
        name: Reads the offer
        channel: web
        owner: marketing
        emotion: 1
        thoughts: "This looks like what I need."
        sources: [interviews]
  - id: buy
    name: Buy
    goal: Get it without surprises
    steps:
      - id: pay
        name: Pays
        channel: web
        owner: payments
        emotion: 0
        moment_of_truth: true
        thoughts: "Why do I have to create an account?"
        sources: [interviews]
        metrics:
          - id: conversion
            name: Checkout conversion
            value: 0.62
            target: 0.6
            unit: ratio
            better: higher
        pain_points:
          - id: forced-account
            description: Customers must create an account before paying.
            severity: medium
            affected: 0.4
            sources: [interviews]
            owner: payments
        opportunities:
          - id: guest-checkout
            description: Offer checkout as a guest.
            addresses: [forced-account]
            kind: fix
            status: idea
            owner: payments
      - id: confirmation
        name: Gets a confirmation
        channel: web
        owner: payments
        emotion: 2
        sources: [interviews]
"""


def starter(journey_id: str, today: date | None = None) -> str:
    """The starter file's text for ``journey_id`` (already checked to be a valid id)."""
    title = journey_id.replace("-", " ").replace("_", " ").strip().capitalize() or "My journey"
    return _TEMPLATE.format(schema=SCHEMA_ID, id=journey_id, id_value=_text(journey_id), title=_text(title), today=(today or date.today()).isoformat())


def _text(value: str) -> str:
    """``value`` as a YAML scalar every reader takes as this text: plain when it is a word, else quoted (`2026`, `no`, `1e3`)."""
    return value if _WORD.fullmatch(value) and value.lower() not in _YAML_WORDS else json.dumps(value)
