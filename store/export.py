"""The minutes of a meeting, written from what the database holds and nothing else: as Markdown,
as one offline HTML file, and in easy read (each in Markdown or HTML).

The meeting is folded once (`minutes_source`) and every format is drawn from that one fold.
Members who did not consent to be named are never named: they appear as "someone who asked not
to be named", and are still counted, also where someone typed their name. Anonymised, everyone
is named by their stable pseudonym instead."""

from collections.abc import Callable
from dataclasses import replace

from sqlite_utils import Database

from session.clock import Clock, system_clock
from session.easy_read import easy_read_report
from session.minutes import MinutesSource, minutes_report
from session.pseudonyms import UNNAMED, Names, scrubber
from session.setup import Meeting
from store.folded import folded
from store.records import get_group, get_meeting, members_of
from store.render import to_html, to_markdown
from store.state_codec import rewrite_text

__all__ = ["MINUTES", "UNNAMED", "minutes", "minutes_source"]


def minutes_source(
    db: Database, meeting_id: str, clock: Clock = system_clock, anonymise: bool = False
) -> MinutesSource:
    """The meeting folded once, with names as consent (or `anonymise`) allows, also in what
    people typed. Times still running are counted up to `clock`'s now."""
    meeting = get_meeting(db, meeting_id)
    group = get_group(db, meeting.group_id)
    members = members_of(db, group.id)
    if anonymise:
        scrub = scrubber(members)
    else:
        scrub = scrubber([m for m in members if not m.consent_named], label=lambda m: UNNAMED)
    state = rewrite_text(folded(db, meeting_id), scrub)
    return MinutesSource(
        meeting=_scrubbed_meeting(meeting, scrub),
        group=group,
        state=state,
        names=Names.of(members, anonymise),
        perspectives={m.id: m.perspective for m in members},
        now=state.ended_at or clock(),
    )


MINUTES: dict[tuple[str, bool], Callable[[MinutesSource], str]] = {
    ("md", False): lambda s: to_markdown(minutes_report(s)),
    ("html", False): lambda s: to_html(minutes_report(s)),
    ("md", True): lambda s: to_markdown(easy_read_report(s)),
    ("html", True): lambda s: to_html(easy_read_report(s)),
}


def minutes(
    db: Database,
    meeting_id: str,
    clock: Clock = system_clock,
    anonymise: bool = False,
    format_: str = "md",
    easy_read: bool = False,
) -> str:
    """The minutes of one meeting in `format_` ("md" or "html"), in full or in easy read."""
    return MINUTES[format_, easy_read](minutes_source(db, meeting_id, clock, anonymise))


def _scrubbed_meeting(meeting: Meeting, scrub: Callable[[str], str]) -> Meeting:
    return replace(meeting, title=scrub(meeting.title), place=scrub(meeting.place))
