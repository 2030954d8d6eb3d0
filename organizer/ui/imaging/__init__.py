"""The Imaging page: imaging discs added, listed by study and series, and copied to a drive."""
