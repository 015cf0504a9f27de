"""What changed between two versions of a body's terms of reference.

The comparison is made at build time from the data alone, so the page that shows it needs
no JavaScript, and it says in words what was added, removed or reworded.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from .governance import Member, Terms

SECTIONS = {
    "aim": "Aim",
    "purpose": "Purpose",
    "principle": "Guiding principles",
    "task": "Tasks and accountabilities",
    "member specification": "What is expected of members",
    "other": "Other terms",
}
FIELDS = {
    "chair": "Chair",
    "chair_selection": "How the chair is chosen",
    "meeting_frequency": "How often it meets",
    "quorum": "Quorum",
    "review": "Review",
}
REWORDED = 0.5
"""How alike two lines must be (0 to 1) to count as one line reworded, not one removed and
one added."""


@dataclass
class FieldChange:
    label: str
    old: str | None
    new: str | None


@dataclass
class SectionChange:
    label: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    reworded: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class MemberChange:
    member: Member
    changes: list[FieldChange]


@dataclass
class Comparison:
    old: Terms
    new: Terms
    fields: list[FieldChange] = field(default_factory=list)
    sections: list[SectionChange] = field(default_factory=list)
    members_added: list[Member] = field(default_factory=list)
    members_removed: list[Member] = field(default_factory=list)
    members_changed: list[MemberChange] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return not (
            self.fields
            or self.sections
            or self.members_added
            or self.members_removed
            or self.members_changed
        )


def compare(old: Terms, new: Terms) -> Comparison:
    comparison = Comparison(old, new)
    for name, label in FIELDS.items():
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            comparison.fields.append(FieldChange(label, before, after))
    for name, label in SECTIONS.items():
        change = _compare_lines(label, old.section(name), new.section(name))
        if change.added or change.removed or change.reworded:
            comparison.sections.append(change)
    _compare_members(comparison, old.members, new.members)
    return comparison


def _compare_lines(label: str, old: list[str], new: list[str]) -> SectionChange:
    change = SectionChange(label)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        _pair_lines(change, old[i1:i2], new[j1:j2])
    return change


def _pair_lines(change: SectionChange, old: list[str], new: list[str]) -> None:
    """Pair each removed line with the most alike added line, if alike enough."""
    unmatched = list(new)
    for line in old:
        scores = [(likeness(line, other), other) for other in unmatched]
        best = max(scores, default=(0.0, None))
        if best[0] >= REWORDED:
            change.reworded.append((line, best[1]))
            unmatched.remove(best[1])
        else:
            change.removed.append(line)
    change.added += unmatched


def likeness(a: str, b: str) -> float:
    return difflib.SequenceMatcher(a=a.casefold().split(), b=b.casefold().split()).ratio()


MEMBER_FIELDS = {
    "organisation": "Organisation",
    "statutory": "Statutory partner",
    "voting": "Voting",
    "note": "Note",
}


def _seat(member: Member) -> str:
    """A seat is known by its role: one organisation may hold several seats."""
    return member.key


def _compare_members(comparison: Comparison, old: list[Member], new: list[Member]) -> None:
    before = {_seat(member): member for member in old}
    after = {_seat(member): member for member in new}
    comparison.members_removed = [m for seat, m in before.items() if seat not in after]
    comparison.members_added = [m for seat, m in after.items() if seat not in before]
    for seat, member in after.items():
        if seat in before:
            changes = [
                FieldChange(
                    label, _shown(getattr(before[seat], name)), _shown(getattr(member, name))
                )
                for name, label in MEMBER_FIELDS.items()
                if getattr(before[seat], name) != getattr(member, name)
            ]
            if changes:
                comparison.members_changed.append(MemberChange(member, changes))


def _shown(value) -> str | None:
    if hasattr(value, "name"):
        return value.name
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value
