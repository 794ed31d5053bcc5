"""Analyst corrections: what a reviewer may change about a coded event, and how.

A correction is its own record (who, when, what changed); the coder's event is never
overwritten.  The event an analyst sees is the coder's event with all its corrections
applied in order (``fold``).  Actions:

* ``confirm``  the event is right as it stands (status ``confirmed``);
* ``change``   set some of ``CHANGEABLE`` fields (status ``corrected``);
* ``reject``   the event is wrong (status ``rejected``; a later confirm or change
               brings it back).

``validate`` checks and normalises a correction's changes against the PLOVER
vocabulary of ``lagebild.records`` and raises ``ValueError`` with a message meant for
the person who sent it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from lagebild.records import AUX_MODES, EVENT_MODES, EVENT_QUADS, SECTORS

ACTIONS = ("confirm", "change", "reject")
STATUS_OF = {"confirm": "confirmed", "change": "corrected", "reject": "rejected"}
CHANGEABLE = ("event", "mode", "aux", "actor", "recipient", "date", "location")
MAX_ENTITIES = 10
MAX_TEXT = 200
CODE = re.compile(r"^[A-Z]{3}$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class Correction:
    event_id: str
    action: str
    changes: dict[str, Any] = field(default_factory=dict)
    author: str = "analyst"
    note: str | None = None
    id: int | None = None
    created_at: datetime | None = None
    previous: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "event_id": self.event_id, "action": self.action,
                "changes": self.changes, "previous": self.previous, "author": self.author,
                "note": self.note,
                "created_at": self.created_at.isoformat() if self.created_at else None}


def validate(action: str, changes: dict[str, Any] | None) -> dict[str, Any]:
    """Normalised changes of a correction; ValueError when anything is not acceptable."""
    if action not in ACTIONS:
        raise ValueError(f"action must be one of {', '.join(ACTIONS)}, not {action!r}")
    changes = dict(changes or {})
    if action != "change":
        if changes:
            raise ValueError(f"a {action} carries no changes")
        return {}
    if not changes:
        raise ValueError("a change needs at least one field to change")
    unknown = sorted(set(changes) - set(CHANGEABLE))
    if unknown:
        raise ValueError(f"cannot change {', '.join(unknown)}; changeable: {', '.join(CHANGEABLE)}")
    out: dict[str, Any] = {}
    if "event" in changes:
        if changes["event"] not in EVENT_QUADS:
            raise ValueError(f"unknown PLOVER event type {changes['event']!r}")
        out["event"] = changes["event"]
    if "mode" in changes:
        out["mode"] = changes["mode"] or None
    if "aux" in changes:
        if changes["aux"] not in AUX_MODES:
            raise ValueError(f"aux must be one of {', '.join(a or 'null' for a in AUX_MODES)}")
        out["aux"] = changes["aux"]
    for role in ("actor", "recipient"):
        if role in changes:
            out[role] = [_entity(role, e) for e in _list(role, changes[role])]
    if "date" in changes:
        out["date"] = _date(changes["date"])
    if "location" in changes:
        out["location"] = _location(changes["location"])
    return out


def apply(state: dict[str, Any], correction: Correction) -> dict[str, Any]:
    """The event state after one correction (a new dict; ``state`` is not changed)."""
    new = dict(state)
    changes = dict(correction.changes)
    new.update(changes)
    if "date" in changes:
        new["date_precision"] = precision_of(changes["date"])
    if "event" in changes and "mode" not in changes and new.get("mode") not in EVENT_MODES.get(new["event"], ()):
        new["mode"] = None          # the old mode does not exist for the new type
    if new.get("mode") and new["mode"] not in EVENT_MODES.get(new["event"], ()):
        allowed = ", ".join(EVENT_MODES.get(new["event"], ())) or "none"
        raise ValueError(f"mode {new['mode']!r} is not a mode of {new['event']} (allowed: {allowed})")
    new["quad"] = EVENT_QUADS[new["event"]]
    new["status"] = STATUS_OF[correction.action]
    return new


def fold(coded: dict[str, Any], corrections: list[Correction]) -> dict[str, Any]:
    state = dict(coded)
    for correction in corrections:
        state = apply(state, correction)
    return state


def precision_of(value: str | None) -> str | None:
    return {4: "year", 7: "month", 10: "day"}.get(len(value)) if value else None


def _list(role: str, value: Any) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"{role} must be a list of entities")
    if len(value) > MAX_ENTITIES:
        raise ValueError(f"{role}: at most {MAX_ENTITIES} entities")
    return value


def _entity(role: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{role}: each entity is an object with code, sector, name")
    code, sector, name = value.get("code") or None, value.get("sector") or None, value.get("name") or None
    if code is not None and not (isinstance(code, str) and CODE.match(code)):
        raise ValueError(f"{role}: code must be three capital letters (ISO3 or PLOVER), not {code!r}")
    if sector is not None and sector not in SECTORS:
        raise ValueError(f"{role}: unknown sector {sector!r}")
    if name is not None and (not isinstance(name, str) or len(name) > MAX_TEXT):
        raise ValueError(f"{role}: name must be a string of at most {MAX_TEXT} characters")
    if code is None and name is None:
        raise ValueError(f"{role}: an entity needs a code or a name")
    return {"code": code, "sector": sector, "name": name, "text": value.get("text") or "",
            "start": None, "end": None}


def _date(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not DATE.match(value):
        raise ValueError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        raise ValueError(f"no such date {value!r}") from None
    return value


def _location(value: Any) -> dict[str, Any] | None:
    if value in (None, {}):
        return None
    if not isinstance(value, dict) or not isinstance(value.get("name"), str) or not value["name"].strip():
        raise ValueError("location must be an object with a name (and a country)")
    country = value.get("country") or None
    if country is not None and not (isinstance(country, str) and CODE.match(country)):
        raise ValueError(f"location country must be ISO3 (three capital letters), not {country!r}")
    if len(value["name"]) > MAX_TEXT:
        raise ValueError(f"location name: at most {MAX_TEXT} characters")
    return {"name": value["name"].strip(), "country": country, "text": None, "start": None, "end": None}
