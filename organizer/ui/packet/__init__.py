"""The packet for the second-opinion doctor in the app: the wizard, its preview and delivery, the sent log."""
