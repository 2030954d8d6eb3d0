"""Patient-portal downloads (C-CDA, IHE XDM zips, FHIR JSON, Apple Health) read into records."""

from organizer.core.intake.portal.detect import EXTENSIONS, portal_kind

__all__ = ["EXTENSIONS", "portal_kind"]
