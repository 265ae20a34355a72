"""The accessibility statement that laki 306/2019 requires; open before login too."""

import streamlit as st

from pages.widgets.texts import tr

st.title(tr("page.accessibility"))
st.write(tr("a11y.intro"))
for part in ("status", "shortcomings", "assessment", "feedback", "supervision"):
    st.header(tr(f"a11y.{part}.title"), divider=False)
    st.markdown(tr(f"a11y.{part}.body"))
