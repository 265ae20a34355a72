"""An import file written: every row as a new action in the caller's transaction, or none."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..i18n import msg
from ..permissions import CurrentUser, require
from ..services import audit
from ..services.actions import create_action
from .parsing import parse_file
from .problems import ImportRefused, RowProblem


def import_actions(session: Session, user: CurrentUser, filename: str, content: bytes) -> list[int]:
    """Write every row of the file as a new action, or raise ImportRefused and write nothing.

    The file is read and checked again here: a preview is never trusted. Each action gets its
    own audited "create" entry; one "import" entry records the file.
    """
    require(user, "action.write", user.department_id)
    rows = parse_file(session, user, filename, content)
    problems = [problem for row in rows for problem in row.problems]
    if not rows:
        problems.append(RowProblem(0, "", msg("import.error.no_rows")))
    if problems:
        raise ImportRefused(problems)
    created: list[int] = []
    for row in rows:
        action = create_action(session, user, row.data, source="import", external_ref=row.external_ref)
        created.append(action.id)
    audit.record(
        session,
        user,
        "import",
        "action",
        None,
        after={"file": filename, "rows": len(created), "action_ids": created},
        note=filename,  # the count is in `after`; a note in words would be in one language only
    )
    return created
