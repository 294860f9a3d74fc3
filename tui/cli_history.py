"""`coproduce history`: every change to a group's records or to one meeting, with when and in
which role it was made."""

from pathlib import Path

import click

from session.change_history import group_history, meeting_history
from session.clock import Clock
from session.pseudonyms import Names, as_consented
from store.changes import entries
from store.evaluation import group_actions, meeting_record
from store.log import GROUP_LOG, MEETING_LOG
from store.outcomes import outcomes_of
from store.records import find_meeting, members_of
from tui.cli_base import (
    open_store,
    pick_group,
    write_or_print,
)
from tui.cli_evaluation import REPORT_FORMATS, report_options


@click.command()
@report_options
def history(
    clock: Clock,
    meeting_ref: str | None,
    group_ref: str | None,
    format_: str,
    anonymise: bool,
    output: Path | None,
) -> None:
    """Every change to the group's records (people, meetings, outcomes, preparation...) or,
    with MEETING, to that meeting: when, in which role, and what. Undone changes stay listed."""
    db = open_store()
    if meeting_ref is not None:
        record = meeting_record(db, find_meeting(db, meeting_ref).id, clock, anonymise)
        titles = {item.id: item.title for item in record.state.items}
        built = meeting_history(
            record.meeting.title,
            entries(db, record.meeting.id, MEETING_LOG),
            record.names,
            lambda item_id: titles.get(item_id, "an agenda item"),
        )
        group_id, what = record.group.id, f"the history of “{record.meeting.title}”"
    else:
        group = pick_group(db, group_ref)
        members = members_of(db, group.id)
        names = Names.of(members, anonymise)
        words = {o.id: o.text for o in outcomes_of(db, group.id)}
        words |= {a.id: a.what for a in group_actions(db, group.id)}
        built = group_history(
            group.name,
            entries(db, group.id, GROUP_LOG),
            names,
            lambda id_: words.get(id_, "one no longer on record"),
        )
        group_id, what = group.id, f"the history of {group.name}"
    built = as_consented(built, members_of(db, group_id), anonymise)
    write_or_print(REPORT_FORMATS[format_](built), output, what)
