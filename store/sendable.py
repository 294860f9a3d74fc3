"""The agenda to send out before a meeting, in plain words: what, when, where, access
information and who is chairing. In Markdown, and in easy-read HTML (large text, one idea a
line, a symbol beside each point). People are named beside their items only if they agreed to
be named."""

import html
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from session import access
from session.dates import full_date_time
from session.ids import short
from session.setup import Meeting
from store.db import file_of
from store.folded import folded
from store.markdown import inline
from store.plan import load_plan
from store.records import get_meeting, members_of


@dataclass(frozen=True)
class Point:
    symbol: str
    text: str


@dataclass(frozen=True)
class Sendable:
    title: str
    when: str
    where: list[Point]
    items: list[Point]
    chair: str
    agreement: tuple[str, ...]


ACCESS_WORDS = {access.YES: "yes", access.NO: "no", access.UNKNOWN: "not checked yet"}


def sendable(db: Database, meeting_id: str) -> Sendable:
    meeting = get_meeting(db, meeting_id)
    state = folded(db, meeting_id)
    plan = load_plan(db, meeting.group_id)
    members = members_of(db, meeting.group_id)
    named = {m.id: m.name for m in members if m.consent_named}
    items = []
    for item in state.items:
        raisers = [plan.raisers(plan.kept(i)) for i in item.issue_ids[:1]]
        who = sorted({named[r] for r in (raisers[0] if raisers else []) if r in named})
        by = f" Raised by {', '.join(who)}." if who else ""
        items.append(Point("🗣", f"{item.title}. About {item.timebox_minutes} minutes.{by}"))
    where = [Point("📍", f"{meeting.place}. The meeting is {meeting.format}.")]
    place = next((p for p in plan.places if p.name == meeting.place), None)
    if place is None:
        where.append(Point("♿", "Access at this place has not been checked yet. Please ask us."))
    else:
        for feature in access.FEATURES:
            answer = place.answers.get(feature, access.UNKNOWN)
            where.append(Point("♿", f"{feature[0].upper()}{feature[1:]}: {ACCESS_WORDS[answer]}."))
    chair = state.holder("chair")
    chairing = named.get(chair or "", "Someone from the group") if chair else "Not decided yet"
    agreement = plan.agreement.rules if plan.agreement else ()
    when = f"{full_date_time(meeting.starts_at)}. It lasts about {meeting.length_minutes} minutes"
    return Sendable(meeting.title, when, where, items, chairing, agreement)


def agenda_markdown(db: Database, meeting_id: str) -> str:
    s = sendable(db, meeting_id)
    lines = [f"# {inline(s.title)}", "", "## When", "", f"🕑 {inline(s.when)}", "", "## Where", ""]
    lines += [f"- {p.symbol} {inline(p.text)}" for p in s.where]
    lines += [
        "",
        "## Who is chairing",
        "",
        f"🪑 {inline(s.chair)}",
        "",
        "## What we will talk about",
        "",
    ]
    lines += [f"{n}. {p.symbol} {inline(p.text)}" for n, p in enumerate(s.items, start=1)]
    if s.agreement:
        lines += ["", "## Our group agreement", ""]
        lines += [f"- 🤝 {inline(rule)}" for rule in s.agreement]
    return "\n".join(lines) + "\n"


def agenda_html(db: Database, meeting_id: str) -> str:
    """Easy read: large text, short lines, one idea each, a symbol beside each point."""
    s = sendable(db, meeting_id)

    def section(heading: str, points: list[Point]) -> str:
        rows = "".join(
            f'<li><span class="symbol" aria-hidden="true">{p.symbol}</span> '
            f"{html.escape(p.text)}</li>"
            for p in points
        )
        return f"<h2>{html.escape(heading)}</h2><ul>{rows}</ul>"

    body = "".join(
        [
            f"<h1>{html.escape(s.title)}</h1>",
            section("When", [Point("🕑", s.when)]),
            section("Where", s.where),
            section("Who is chairing", [Point("🪑", s.chair)]),
            section("What we will talk about", s.items or [Point("🗣", "To be agreed.")]),
            section("Our group agreement", [Point("🤝", r) for r in s.agreement])
            if s.agreement
            else "",
        ]
    )
    style = (
        "body{font-family:Arial,sans-serif;font-size:20px;line-height:1.6;max-width:40em;"
        "margin:1em auto;padding:0 1em}ul{list-style:none;padding:0}li{margin:.6em 0}"
        ".symbol{font-size:1.4em;margin-right:.4em}"
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(s.title)}</title><style>{style}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def sendable_paths(db: Database, meeting: Meeting) -> tuple[Path, Path] | None:
    """Where the app writes the agenda: beside the database file (None in memory)."""
    path = file_of(db)
    if path is None:
        return None
    stem = path.parent / f"agenda-{short(meeting.id)}"
    return stem.with_suffix(".md"), stem.with_suffix(".html")
