"""The one PDF for the second-opinion doctor: generated pages, merge, stamps, bookmarks, size fitting."""
