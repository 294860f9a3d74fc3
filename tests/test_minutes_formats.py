"""The minutes as offline HTML and in easy read (store/export.py, session/easy_read.py), read
back: the HTML parses with one h1, plain headings and table headers; easy read keeps sentences
short, quotes what people typed, ends with the words explained; consent and anonymising hold."""

import re
from datetime import UTC, date, datetime
from functools import partial
from html.parser import HTMLParser

import pytest

from session import live, turns
from session.clock import FrozenClock
from session.pseudonyms import UNNAMED, pseudonym
from session.setup import Member, new_group, new_meeting, new_member
from session.signals import JARGON
from store.db import memory_db
from store.export import MINUTES, minutes
from store.live import LiveMeeting
from store.records import save_group, save_meeting, save_member

OPENED = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
LONGEST_SENTENCE = 15
TYPED = (
    "Pick-ups were late 3 times, so we will write to the provider and ask them why",
    "Write to the provider about pick-ups that were late or cancelled this winter",
    "Book short breaks online",
    "Cost of the room and who pays for the tea and biscuits every week",
    "Ask the council <b>why</b> & when",
    "Free help after you leave hospital, paid by the council and the NHS together",
)


class Page(HTMLParser):
    """Headings, table headers, language and any external resource in an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.external: list[str] = []
        self.lang = ""
        self._heading: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang") or ""
        if tag in ("h1", "h2", "h3"):
            self._heading = tag
            self.headings.append((tag, ""))
        for name in ("src", "href"):
            if values.get(name):
                self.external.append(values[name] or "")
        if tag == "link":
            self.external.append("link")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._heading:
            self._heading = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._heading:
            tag, text = self.headings[-1]
            self.headings[-1] = (tag, text + data)


def parsed(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def held() -> tuple[dict[tuple[str, bool], str], dict[tuple[str, bool], str], list[Member]]:
    """A meeting with a decision of each kind, actions, a word explained and one not yet, and a
    member who asked not to be named (whose name someone typed in a note)."""
    db, clock = memory_db(), FrozenClock(OPENED)
    group = new_group("Riverside Forum")
    save_group(db, group, clock)
    ann = new_member(group, "Ann Lee", "lived experience")
    bob = new_member(group, "Bob Hart", "professional")
    zed = new_member(group, "Zelda Quist", "carer or family", consent_named=False)
    for member in (ann, bob, zed):
        save_member(db, member, clock)
    meeting = new_meeting(group, "Winter", datetime(2026, 12, 1, 14, 0), "Hall", "hybrid", 90)
    save_meeting(db, meeting, clock)
    run = LiveMeeting(db, meeting.id, clock).do
    run(partial(live.add_item, title="Transport", proposed_by=ann.id, timebox_minutes=10))
    run(partial(live.add_item, title="Charging", proposed_by=None, timebox_minutes=5))
    run(partial(live.start_meeting, present=[ann.id, bob.id, zed.id]))
    run(partial(live.hand_role, role=live.MINUTE_TAKER, member_id=ann.id))
    run(partial(live.write_note, text=f"{TYPED[0]}, said Zelda"))
    run(partial(live.record_decision, text=TYPED[1], method="consensus"))
    run(
        partial(
            live.record_decision,
            text=TYPED[2],
            method="vote",
            votes_for=5,
            votes_against=1,
            abstentions=2,
        )
    )
    run(
        partial(
            live.record_decision,
            text="Trial a carers' cafe",
            method="consent",
            stand_asides=1,
            concerns=TYPED[3],
        )
    )
    run(partial(live.record_decision, text="Charging for transport", method="deferred"))
    run(partial(live.record_action, what=TYPED[4], owner_id=zed.id, due=date(2026, 12, 4)))
    run(partial(live.record_action, what="Phone Zelda", owner_id=ann.id, due=date(2026, 12, 10)))
    run(lambda s: turns.interject(s, ann.id, JARGON, "s117"))
    run(lambda s: turns.interject(s, bob.id, JARGON, "CHC"))
    run(lambda s: turns.define_word(s, "s117", TYPED[5]))
    clock.advance(20 * 60)
    run(live.end_meeting)
    members = [ann, bob, zed]
    full, anonymised = (
        {key: minutes(db, meeting.id, clock, anon, *key) for key in MINUTES}
        for anon in (False, True)
    )
    return full, anonymised, members


Held = tuple[dict[tuple[str, bool], str], dict[tuple[str, bool], str], list[Member]]


def test_the_html_minutes_parse_with_one_h1_plain_headings_and_table_headers(held: Held) -> None:
    page = parsed(held[0]["html", False])

    assert page.lang == "en-GB"
    assert [text for tag, text in page.headings if tag == "h1"] == ["Winter"]
    h2 = [text for tag, text in page.headings if tag == "h2"]
    assert h2[:4] == ["Who attended", "Roles", "Agenda", "1. Transport"]
    assert {"Actions", "Every turn", "Glossary"} <= set(h2)
    assert page.tags.count("th") >= 5
    assert page.external == []
    assert "script" not in page.tags


def test_the_html_minutes_say_what_the_markdown_says(held: Held) -> None:
    markdown, html = held[0]["md", False], held[0]["html", False]
    words = " ".join(parsed(html).text)

    assert "Agreed by consensus:" in markdown and "Agreed by consensus:" in words
    assert "Ask the council <b>why</b> & when" in words  # as typed, never markup
    assert "&lt;b&gt;why&lt;/b&gt; &amp; when" in html
    assert "Friday 4 December 2026" in words


def easy_sentences(text: str, members: list[Member]) -> list[str]:
    """The sentences of an easy-read page, with what people typed and their names left out."""
    for typed in (*TYPED, *(m.name for m in members), UNNAMED):
        text = text.replace(typed, "X")
    text = re.sub(r"“[^”]*”", "X", text)
    return [s for s in re.split(r"[.!?:]\s|\n", text) if s.strip()]


def test_easy_read_keeps_every_sentence_short(held: Held) -> None:
    for key in (("md", True), ("html", True)):
        page = held[0][key]
        text = page if key[0] == "md" else " ".join(parsed(page).text)
        long = [s for s in easy_sentences(text, held[2]) if len(s.split()) > LONGEST_SENTENCE]
        assert long == []


def test_easy_read_says_what_was_decided_and_who_will_do_what_by_when(held: Held) -> None:
    easy = held[0]["md", True]

    assert f"We all agreed “{TYPED[1]}”." in easy
    assert f"We voted on “{TYPED[2]}”. 5 people voted for it. 1 person voted against it." in easy
    assert "2 people did not vote either way. So the answer is yes." in easy
    assert "1 person stood aside." in easy
    assert f"Someone had a worry: “{TYPED[3]}”." in easy
    assert "We will decide this later: “Charging for transport”." in easy
    assert (
        f"{UNNAMED} will do this: “Ask the council <b>why</b> & when”. "
        "They will do it by Friday 4 December 2026." in easy.replace("\\", "")
    )
    assert "Ann Lee will do this: “Phone someone who asked not to be named”." in easy
    assert "We did not get to “Charging”." in easy


def test_easy_read_ends_with_the_words_explained(held: Held) -> None:
    easy = held[0]["md", True]
    last = easy[easy.index("## Words we explained") :]

    assert "\n## " not in last[3:]
    assert f"- **s117**: {TYPED[5]}" in last
    assert "- **CHC**: we still need to explain this word." in last
    headings = parsed(held[0]["html", True]).headings
    assert headings[-1] == ("h2", "Words we explained")
    assert [tag for tag, _ in headings].count("h1") == 1


def test_nobody_who_asked_not_to_be_named_is_named_in_any_version(held: Held) -> None:
    for text in held[0].values():
        assert "Zelda" not in text
        assert "Quist" not in text
        assert UNNAMED in text


def test_anonymised_versions_name_nobody(held: Held) -> None:
    anonymised, members = held[1], held[2]
    for text in anonymised.values():
        for member in members:
            for part in member.name.split():
                assert part not in text
        assert pseudonym(members[0].id) in text


def test_easy_read_pictures_are_skipped_by_screen_readers(held: Held) -> None:
    page = held[0]["html", True]

    assert '<li><span aria-hidden="true">🕑</span> The meeting was on' in page
    assert '<span aria-hidden="true">👉</span>' in page
    assert "<li>🕑" not in page
    assert "- 🕑 The meeting was on" in held[0]["md", True]
