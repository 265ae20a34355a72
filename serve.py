"""Start the dashboard: `python serve.py [options]` is `streamlit run app.py [options]`, except
that the first visitor after a start is not told "Page not found".

Streamlit takes a `pages/` folder beside the main script for its older multipage mode, until
some session has run `st.navigation`. The first session after a start that opens any address
but "/" (a bookmark to /login, /public or /overview) was therefore looked up among `pages/*.py`,
found nothing, and was shown Streamlit's English dialog. This app declares its pages with
`st.navigation` only, so the older mode is switched off before the server starts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli


def main() -> None:
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(Path(__file__).with_name("app.py")), *sys.argv[1:]]
    cli.main()


if __name__ == "__main__":
    main()
