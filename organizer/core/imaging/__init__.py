"""Imaging discs: import DICOM discs, folders and zips into the vault, list them and export a file-set."""
