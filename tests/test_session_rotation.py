"""Role rotation (session/rotation.py) and read-back with amendments (session/readback.py)."""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from session import live, readback, rotation
from session.live import MINUTE_TAKER
from session.rotation import suggest, suggested_holder
from tests.test_session_live import Meeting, started

PEOPLE = ("ann", "bob", "cat", "dan")


def meeting() -> Meeting:
    return started("Transport", "Respite", "Letters", present=PEOPLE)


def test_volunteers_come_first_among_those_who_have_held_it_least() -> None:
    m = meeting()
    assert suggested_holder(m.state, MINUTE_TAKER, PEOPLE) == "ann"
    m.do(rotation.volunteer, MINUTE_TAKER, "cat")
    assert suggested_holder(m.state, MINUTE_TAKER, PEOPLE) == "cat"
    m.do(live.hand_role, MINUTE_TAKER, "cat")
    assert suggested_holder(m.state, MINUTE_TAKER, PEOPLE) == "ann"


def test_someone_can_pass_until_the_next_hand_over() -> None:
    m = meeting()
    m.do(rotation.pass_role, MINUTE_TAKER, "ann")
    assert suggested_holder(m.state, MINUTE_TAKER, PEOPLE) == "bob"
    m.do(live.hand_role, MINUTE_TAKER, "bob")
    assert suggested_holder(m.state, MINUTE_TAKER, PEOPLE) == "ann"


def test_a_hand_over_is_due_at_each_item_when_the_role_rotates_by_item() -> None:
    m = meeting()
    m.do(live.hand_role, MINUTE_TAKER, "ann")
    assert not rotation.handover_due(m.state, MINUTE_TAKER, m.clock())
    m.do(rotation.set_rotation, MINUTE_TAKER, rotation.BY_ITEM)
    m.do(live.move_item, 1)
    assert rotation.handover_due(m.state, MINUTE_TAKER, m.clock())
    m.do(live.hand_role, MINUTE_TAKER, "bob")
    assert not rotation.handover_due(m.state, MINUTE_TAKER, m.clock())


def test_a_hand_over_is_due_every_n_minutes_when_asked() -> None:
    m = meeting()
    m.do(rotation.set_rotation, "timekeeper", rotation.BY_MINUTES, 20)
    m.do(live.hand_role, "timekeeper", "dan")
    m.advance(19 * 60)
    assert not rotation.handover_due(m.state, "timekeeper", m.clock())
    m.advance(60)
    assert rotation.handover_due(m.state, "timekeeper", m.clock())


def test_rotation_rules_are_checked() -> None:
    m = meeting()
    assert "from 1 to 240" in m.refused(rotation.set_rotation, MINUTE_TAKER, "minutes", 0)
    assert "Choose how the role rotates" in m.refused(rotation.set_rotation, "chair", "dice")


@settings(max_examples=200)
@given(
    st.lists(st.sampled_from("abcdef"), min_size=1, max_size=6, unique=True),
    st.sets(st.sampled_from("abcdef")),
    st.integers(1, 40),
)
def test_rotation_gives_each_willing_person_the_role_within_one_turn_of_everyone(
    people: list[str], volunteers: set[str], hand_overs: int
) -> None:
    held: Counter[str] = Counter()
    holder = None
    for _ in range(hand_overs):
        holder = suggest(people, held, volunteers & set(people), set(), holder)
        if holder is None:  # only one person: they keep it
            break
        held[holder] += 1
    counts = [held[p] for p in people]
    assert len(people) == 1 or max(counts) - min(counts) <= 1


def test_read_back_marks_the_items_records_agreed() -> None:
    m = meeting()
    m.do(live.hand_role, MINUTE_TAKER, "ann")
    m.do(live.write_note, "Pick-ups late three times")
    m.do(live.record_decision, "Write to the transport team", "consensus")
    m.do(readback.agree_read_back)
    assert [r.agreed for r in readback.item_records(m.state, m.state.item_id)] == [True, True]
    assert "nothing new" in m.refused(readback.agree_read_back)


def test_a_change_after_agreement_is_an_amendment_beside_the_original() -> None:
    m = meeting()
    m.do(live.hand_role, MINUTE_TAKER, "ann")
    m.do(live.write_note, "Pick-ups late three times")
    m.do(readback.agree_read_back)
    note = m.state.notes[0]
    m.do(readback.amend, note.id, "Pick-ups late four times", "Joan counted again")
    [record] = readback.item_records(m.state, m.state.item_id)
    assert (record.text, record.original) == ("Pick-ups late four times", note.text)
    assert m.state.notes[0].text == "Pick-ups late three times"
    assert m.state.amendments[0].reason == "Joan counted again"
    assert "nothing to amend" in m.refused(readback.amend, note.id, "Pick-ups late four times", "x")
    assert "reason" in m.refused(readback.amend, note.id, "Five times", " ")
