"""The case pages of an open vault: the checklist home view, medicines, plan, questions and more."""
