"""How the programme's communication channels are used and whom the actions that used them
reached, against each channel's own target groups.

Every figure counts only actions that are not soft-deleted, aggregated in SQL. The channels
are one edition's (default: the one in force today), each counting the actions that started
while that edition was in force and used the channel with its code (data_model.editions).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session

from .. import clock
from ..editions import EditionWindow
from ..i18n import DEFAULT_LANGUAGE, in_language
from ..models import (
    Action,
    ActionReach,
    AudienceGroup,
    Channel,
)
from ..models.actions import action_channel
from ..models.programme import channel_audience
from ..permissions import CurrentUser, require_read
from .filters import edition_scope, live_actions

# The general "residents" target tag is reached by every participant (see channel_usage).
RESIDENTS_GROUP = "residents"


@dataclass(frozen=True)
class GroupReach:
    """Participants of one audience group in the actions that used a channel."""

    code: str
    name_fi: str
    name_en: str
    participants: int  # 0 when nothing was recorded for the group
    intended: bool  # one of the channel's target groups


@dataclass(frozen=True)
class ChannelUsage:
    id: int
    code: str
    name_fi: str
    name_en: str
    details_fi: str
    goals_fi: str
    goals_en: str
    target_groups_fi: str
    content_fi: str
    content_en: str
    active: bool
    target_groups: tuple[GroupReach, ...]  # intended groups, with what was reached of each
    other_groups: tuple[GroupReach, ...]  # groups reached that the channel does not target
    times_used: int
    last_used: date | None
    participants_total: int  # sum of the known totals of those actions
    unknown_totals: int  # actions using the channel whose total is not known

    @property
    def intended_reached(self) -> tuple[GroupReach, ...]:
        """Target groups with at least one participant: never also in `intended_not_reached`."""
        return tuple(group for group in self.target_groups if group.participants > 0)

    @property
    def intended_not_reached(self) -> tuple[GroupReach, ...]:
        return tuple(group for group in self.target_groups if group.participants == 0)

    def target_groups_text(self, lang: str) -> str:
        """The intended groups: as the programme prints them, or in another language the names of the
        groups the printed cell was coded as (the printed Finnish has no English version)."""
        if lang != DEFAULT_LANGUAGE and self.target_groups:
            return ", ".join(in_language(lang, group.name_fi, group.name_en) for group in self.target_groups)
        return in_language(lang, self.target_groups_fi, "")


def channel_usage(
    session: Session,
    user: CurrentUser | None,
    include_retired: bool = False,
    edition: EditionWindow | None = None,
) -> list[ChannelUsage]:
    """All channels with their content, use, and whom their actions reached vs their targets.

    The general target tag "residents" counts every participant (the known totals), since
    any participant is a resident; other groups count what was recorded for that group.
    """
    require_read(user, "summary.read")
    scope = edition_scope(edition, clock.today())
    # Keyed by the channel's code: an action links to its own edition's row of the channel.
    used = (
        select(Channel.code.label("channel_code"), Action.id.label("action_id"), Action.start_date)
        .select_from(action_channel)
        .join(Channel, Channel.id == action_channel.c.channel_id)
        .join(Action, Action.id == action_channel.c.action_id)
        .where(live_actions(), *scope.actions)
        .subquery()
    )
    usage = {
        row.channel_code: (int(row.n), row.last)
        for row in session.execute(
            select(used.c.channel_code, func.count().label("n"), func.max(used.c.start_date).label("last"))
            .select_from(used)
            .group_by(used.c.channel_code)
        )
    }
    totals = {
        row.channel_code: (int(row.total or 0), int(row.unknown or 0))
        for row in session.execute(
            select(
                used.c.channel_code,
                func.sum(Action.participants_total).label("total"),
                func.count(Action.id).filter(Action.participants_total.is_(None)).label("unknown"),
            )
            .join(Action, Action.id == used.c.action_id)
            .group_by(used.c.channel_code)
        )
    }
    reached: dict[str, dict[int, int]] = defaultdict(dict)
    for row in session.execute(
        select(used.c.channel_code, ActionReach.audience_group_id, func.sum(ActionReach.count).label("n"))
        .join(ActionReach, ActionReach.action_id == used.c.action_id)
        .group_by(used.c.channel_code, ActionReach.audience_group_id)
    ):
        reached[row.channel_code][row.audience_group_id] = int(row.n or 0)
    targets: dict[int, set[int]] = defaultdict(set)
    for channel_id, group_id in session.execute(
        select(channel_audience.c.channel_id, channel_audience.c.audience_group_id)
        .join(Channel, Channel.id == channel_audience.c.channel_id)
        .where(Channel.edition_id == scope.edition_id)
    ):
        targets[channel_id].add(group_id)
    groups = list(session.scalars(select(AudienceGroup).order_by(AudienceGroup.sort_order)))
    result = []
    channels = session.scalars(
        select(Channel)
        .where(literal(include_retired) | Channel.active, Channel.edition_id == scope.edition_id)
        .order_by(Channel.sort_order)
    )
    for channel in channels:

        def reach_of(group: AudienceGroup, code: str = channel.code) -> int:
            if group.code == RESIDENTS_GROUP:
                return totals.get(code, (0, 0))[0]
            return reached.get(code, {}).get(group.id, 0)

        intended = targets.get(channel.id, set())
        times, last = usage.get(channel.code, (0, None))
        total, unknown = totals.get(channel.code, (0, 0))
        result.append(
            ChannelUsage(
                id=channel.id,
                code=channel.code,
                name_fi=channel.name_fi,
                name_en=channel.name_en,
                details_fi=channel.details_fi,
                goals_fi=channel.goals_fi,
                goals_en=channel.goals_en,
                target_groups_fi=channel.target_groups_fi,
                content_fi=channel.content_fi,
                content_en=channel.content_en,
                active=channel.active,
                target_groups=tuple(
                    GroupReach(g.code, g.name_fi, g.name_en, reach_of(g), True)
                    for g in groups
                    if g.id in intended
                ),
                other_groups=tuple(
                    GroupReach(g.code, g.name_fi, g.name_en, reach_of(g), False)
                    for g in groups
                    if g.id not in intended and reached.get(channel.code, {}).get(g.id, 0) > 0
                ),
                times_used=times,
                last_used=last,
                participants_total=total,
                unknown_totals=unknown,
            )
        )
    return result
