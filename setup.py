"""Puts resources/ (fonts, translations, guidance, demo records, icons) in the wheel as organizer/resources.

Everything else about the package is in pyproject.toml. A source checkout and an editable
install read resources/ where it is (organizer/core/resources.py); a wheel carries a copy.
"""

from pathlib import Path
from shutil import copytree, ignore_patterns

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCES = Path(__file__).resolve().parent / "resources"


class BuildWithResources(build_py):
    """build_py, then copy resources/ into the built package (translation sources stay out)."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "organizer" / "resources"
        copytree(RESOURCES, target, ignore=ignore_patterns("*.ts", "__pycache__"), dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithResources})
