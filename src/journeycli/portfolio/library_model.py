"""The library file format (``*.library.yaml``) as a Pydantic model, beside the journey models it reuses."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..model import Channel, Id, Persona, Source, Team, _Model


class Library(_Model):
    """A library file (`*.library.yaml`, schema: `schemas/library.schema.json`): personas, channels, sources and teams declared once for many journeys."""

    format: Literal[1] = Field(description="Version of the file format; the only version is 1.", examples=[1])
    id: Id | None = Field(None, description="Identifies the library.", examples=["customers"])
    title: str | None = Field(None, description="Display title of the library.", examples=["Customers, channels and teams of the web shop"])
    description: str | None = Field(None, description="What the library holds and who maintains it.", examples=["Maintained by the research team."])
    uses: list[str] = Field(
        default_factory=list,
        description="Other library files (paths or globs, relative to this file) whose declarations this library includes.",
        examples=[["research.library.yaml"]],
    )
    personas: list[Persona] = Field(default_factory=list, description="Personas journeys may name.", examples=[[{"id": "bargain-hunter", "name": "Bargain hunter"}]])
    channels: list[Channel] = Field(default_factory=list, description="Channels journeys may name.", examples=[[{"id": "web", "name": "Web shop"}]])
    sources: list[Source] = Field(
        default_factory=list, description="Research sources journeys may cite.", examples=[[{"id": "survey-q2", "kind": "survey", "title": "Q2 survey"}]]
    )
    teams: list[Team] = Field(default_factory=list, description="Teams `owner` fields may name.", examples=[[{"id": "checkout-team", "name": "Checkout squad"}]])
