"""summitkit.formats.json against its peers, on one large synthetic summit.

The summit has 10,000 sessions, 2,000 speakers and 20 rooms over ten days,
with Arabic and English text.  In the same run, the same document is read and
written by:

- ``pydantic v2``: models of the same shape (``model_validate_json`` and
  ``model_dump_json``);
- ``msgspec``: structs of the same shape (``msgspec.json``);
- ``hand-written``: ``json.loads`` plus code that builds the same attrs
  objects directly, field by field: the practical floor for building
  summitkit's validated values.

The peers check types only; summitkit also checks every rule of the model
(ids, references, days).  Targets: ``loads`` no slower than pydantic v2 and
at most 1.5x the hand-written floor; ``dumps`` no slower than pydantic v2.

Run: ``python benchmarks/json_format.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

import msgspec
import pydantic

import summitkit as sk
from summitkit.formats import json as skjson

SESSIONS, SPEAKERS, ROOMS, DAYS = 10_000, 2_000, 20, 10
FIRST_DAY = dt.date(2015, 9, 16)


def synthetic_summit() -> sk.Summit:
    """A summit of the benchmark's size, deterministic."""
    speakers = [
        sk.Speaker(id=f"p{i}", name={"en": f"Speaker {i}", "ar": f"المتحدث {i}"})
        for i in range(SPEAKERS)
    ]
    rooms = [sk.Room(id=f"r{i}", name={"en": f"Room {i}"}, capacity=100 + i) for i in range(ROOMS)]
    sessions = []
    for i in range(SESSIONS):
        day, minute = divmod(i, SESSIONS // DAYS)
        start = dt.datetime.combine(
            FIRST_DAY + dt.timedelta(days=day), dt.time(8, 0), tzinfo=sk.DUBAI
        )
        start += dt.timedelta(minutes=minute % 600)
        sessions.append(
            sk.Talk(
                id=f"s{i}",
                title={"en": f"Session {i}", "ar": f"الجلسة {i}"},
                slot=sk.TimeSlot.starting(
                    start, dt.timedelta(minutes=45), end_estimated=i % 3 == 0
                ),
                room=f"r{i % ROOMS}",
                participants=[
                    sk.Participant(f"p{(i * 7 + k) % SPEAKERS}") for k in range(1 + i % 3)
                ],
            )
        )
    return sk.Summit(
        id="bench",
        name={"en": "Benchmark Summit", "ar": "قمة القياس"},
        first_day=FIRST_DAY,
        last_day=FIRST_DAY + dt.timedelta(days=DAYS - 1),
        rooms=rooms,
        speakers=speakers,
        sessions=sessions,
    )


# -- pydantic v2 peer ------------------------------------------------------------------


class PSlot(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    start: str
    end: str
    start_estimated: bool = False
    end_estimated: bool = False


class PParticipant(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    speaker: str
    role: str = "presenter"


class PSession(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    kind: str
    id: str
    title: dict[str, str]
    slot: PSlot | None = None
    room: str | None = None
    participants: list[PParticipant] = []


class PNamed(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    id: str
    name: dict[str, str]
    capacity: int | None = None


class PSummit(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    format: int
    id: str
    name: dict[str, str]
    first_day: dt.date
    last_day: dt.date
    rooms: list[PNamed]
    speakers: list[PNamed]
    sessions: list[PSession]


# -- msgspec peer ------------------------------------------------------------------------


class MSlot(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    start: str
    end: str
    start_estimated: bool = False
    end_estimated: bool = False


class MParticipant(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    speaker: str
    role: str = "presenter"


class MSession(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    kind: str
    id: str
    title: dict[str, str]
    slot: MSlot | None = None
    room: str | None = None
    participants: list[MParticipant] = []


class MNamed(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    id: str
    name: dict[str, str]
    capacity: int | None = None


class MSummit(msgspec.Struct, forbid_unknown_fields=True):
    format: int
    id: str
    name: dict[str, str]
    first_day: dt.date
    last_day: dt.date
    rooms: list[MNamed]
    speakers: list[MNamed]
    sessions: list[MSession]


# -- the hand-written floor --------------------------------------------------------------


def _instant(text: str) -> dt.datetime:
    iso, _, zone = text.partition("[")
    return dt.datetime.fromisoformat(iso).astimezone(sk.get_zone(zone.rstrip("]")))


def hand_written_loads(text: str) -> sk.Summit:
    """json.loads, then the same attrs objects built directly."""
    data = json.loads(text)
    sessions = []
    for s in data["sessions"]:
        slot = s["slot"]
        sessions.append(
            sk.Talk(
                id=s["id"],
                title=sk.LocalizedText(s["title"]),
                slot=sk.TimeSlot(
                    _instant(slot["start"]),
                    _instant(slot["end"]),
                    end_estimated=slot.get("end_estimated", False),
                ),
                room=s["room"],
                participants=tuple(sk.Participant(p["speaker"]) for p in s["participants"]),
            )
        )
    return sk.Summit(
        id=data["id"],
        name=sk.LocalizedText(data["name"]),
        first_day=dt.date.fromisoformat(data["first_day"]),
        last_day=dt.date.fromisoformat(data["last_day"]),
        rooms=tuple(
            sk.Room(id=r["id"], name=sk.LocalizedText(r["name"]), capacity=r["capacity"])
            for r in data["rooms"]
        ),
        speakers=tuple(
            sk.Speaker(id=p["id"], name=sk.LocalizedText(p["name"])) for p in data["speakers"]
        ),
        sessions=tuple(sessions),
    )


def best(action: Callable[[], Any], repeat: int) -> float:
    """The fastest of *repeat* runs, in seconds (the least disturbed by the machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times) if times else statistics.mean(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (default 5)")
    repeat = parser.parse_args().repeat

    summit = synthetic_summit()
    text = skjson.dumps(summit)
    if skjson.loads(text) != summit or hand_written_loads(text) != summit:
        raise SystemExit("a loader did not give back the same summit")
    pyd = PSummit.model_validate_json(text)
    ms = msgspec.json.decode(text, type=MSummit)
    size = len(text.encode()) / 1e6
    print(f"document: {size:.1f} MB, {SESSIONS} sessions, {SPEAKERS} speakers, {ROOMS} rooms")
    print(f"orjson in use: {skjson._orjson is not None}")  # noqa: SLF001

    loads = {
        "summitkit": best(lambda: skjson.loads(text), repeat),
        "pydantic v2": best(lambda: PSummit.model_validate_json(text), repeat),
        "msgspec": best(lambda: msgspec.json.decode(text, type=MSummit), repeat),
        "hand-written": best(lambda: hand_written_loads(text), repeat),
    }
    dumps = {
        "summitkit": best(lambda: skjson.dumps(summit), repeat),
        "pydantic v2": best(pyd.model_dump_json, repeat),
        "msgspec": best(lambda: msgspec.json.encode(ms), repeat),
    }
    for name, results in (("loads", loads), ("dumps", dumps)):
        print(f"\n{name} (best of {repeat})")
        for peer, seconds in results.items():
            ratio = results["summitkit"] / seconds
            print(f"  {peer:<13} {seconds * 1000:9.1f} ms   summitkit takes {ratio:5.2f}x as long")
    print("\ntargets")
    print(f"  loads <= pydantic v2      : {loads['summitkit'] / loads['pydantic v2']:.2f}x")
    print(f"  loads <= 1.5x hand-written: {loads['summitkit'] / loads['hand-written']:.2f}x")
    print(f"  dumps <= pydantic v2      : {dumps['summitkit'] / dumps['pydantic v2']:.2f}x")


if __name__ == "__main__":
    main()
