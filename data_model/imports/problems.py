"""What is wrong with an import file: one problem per bad cell, row or file."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import Message, msg


@dataclass(frozen=True)
class RowProblem:
    """Why one row (its number as the spreadsheet shows it; 0 = the file) cannot be imported."""

    row: int
    field: str
    message: Message


class ImportRefused(ValueError):
    """The file cannot be imported as it is; `problems` lists every reason with its row."""

    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__(f"{len(problems)} problems in the file")
        self.problems = problems


def refused(key: str, **params: object) -> ImportRefused:
    """The whole file refused for one reason, the message `key` with `params`."""
    return ImportRefused([RowProblem(0, "", msg(key, **params))])
