"""The second-opinion case: people, the required-records checklist, medications, plan, questions."""
