"""Command-line handlers for the questions for the doctor: add, list, edit, remove, move, reset."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from organizer.cli.case_support import case_handler, group
from organizer.cli.output import print_json
from organizer.cli.parser import AddCommand
from organizer.core.case import questions
from organizer.core.records import Person
from organizer.core.vault import Vault


@case_handler
def list_questions(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    found = questions.questions(vault, person)
    if args.json:
        print_json([asdict(q) for q in found])
        return
    for number, q in enumerate(found, start=1):
        print(f"{number:>2}. {q.text}")


@case_handler
def add_question(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    questions.add_question(vault, person, args.text)
    print("Added.")


@case_handler
def edit_question(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    questions.edit_question(vault, person, args.number, args.text)
    print("Changed.")


@case_handler
def remove_question(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    questions.remove_question(vault, person, args.number)
    print("Removed.")


@case_handler
def move_question(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    questions.move_question(vault, person, args.number, args.to)
    print("Moved.")


@case_handler
def reset_questions(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    questions.reset_questions(vault, person)
    print("Back to the starter questions.")


def register(command: AddCommand) -> None:
    action = group(command, "question", "questions for the doctor (a starter list you can change)")
    add = action("add", add_question, "add a question at the end")
    add.add_argument("text", metavar="TEXT")
    action("list", list_questions, "list the questions", listing=True)
    edit = action("edit", edit_question, "change the words of question N")
    edit.add_argument("number", metavar="N")
    edit.add_argument("text", metavar="TEXT")
    rm = action("remove", remove_question, "remove question N")
    rm.add_argument("number", metavar="N")
    move = action("move", move_question, "move question N to place TO")
    move.add_argument("number", metavar="N")
    move.add_argument("to", metavar="TO", type=int)
    action("reset", reset_questions, "go back to the starter list")
