"""Bulk import of actions from CSV or Excel, all rows or none.

The template has one column per field of an action, with Finnish headers, and one reach
column per audience group ("Osallistujia: Nuoret (15–29 v)"). `preview_import` reads a file
and checks every row with the same rules as the form, listing every bad row with its row
number; `import_actions` reads the file again (a preview is never trusted) and writes every
row in the caller's transaction, or raises and writes nothing.

The package's parts, in the order a file goes through them:
- `file_format`: the columns, their Finnish headers and the words a cell may hold;
- `templates`: the empty template (and any table) written as CSV or Excel;
- `reading`: an uploaded file read into rows within the size, row and unpacked-size limits;
- `cells`: one row's cells decoded into an action's input, naming every unreadable cell;
- `parsing`: the header checked and every row checked by the form's rules and for repeats;
- `preview` and `commit`: what the page shows before, and what it writes after.
"""

from .commit import import_actions
from .file_format import COLUMNS, reach_headers, template_headers
from .preview import ImportPreview, PreviewRow, preview_import
from .problems import ImportRefused, RowProblem
from .templates import table_csv, table_xlsx, template_csv, template_xlsx

__all__ = [
    "COLUMNS",
    "ImportPreview",
    "ImportRefused",
    "PreviewRow",
    "RowProblem",
    "import_actions",
    "preview_import",
    "reach_headers",
    "table_csv",
    "table_xlsx",
    "template_csv",
    "template_headers",
    "template_xlsx",
]
