"""The app's log file, for support: codes, counts and kinds of error, never a name, record text or
a passphrase.

Every message format we log is listed here (`EVENTS`); arguments are numbers or `Code`s (strings
our own code vouches for: a version, a kind of error). A filter on the file handler enforces it:
any other format or argument is replaced by a placeholder before anything is written, and an
exception keeps only its kind and where it arose (file name, line, function), never its message
(which can quote a file name or a person's name) or the source lines of the traceback.
"""

from __future__ import annotations

import logging
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_dir

APP_NAME = "second-opinion-organizer"  # the same folder name as the app's data (app.py)
LOG_FILE_NAME = "organizer.log"
MAX_BYTES = 512_000
BACKUP_COUNT = 2  # organizer.log, .1, .2: at most about 1.5 MB
LEFT_OUT = "‹left out›"

APP_STARTED = "App started: version %s, Python %s, %s"
VAULT_OPENED = "Vault opened: %d people"
VAULT_LOCKED = "Vault locked"
UNLOCK_FAILED = "Unlock failed: %s"
IMPORT_FINISHED = "Import finished: %d imported, %d duplicates, %d need a password, %d refused, %d cancelled"
IMPORT_FAILED = "Import failed: %s"
PACKET_FAILED = "Packet failed: %s"
DELIVERY_FAILED = "Packet delivery failed: %s"
REMEMBER_FAILED = "Remembering the vault on this computer failed: %s"
REMEMBERED_OPEN_FAILED = "Opening with the remembered key failed: %s"
BACKGROUND_FAILED = "Background work failed: %s"
UNCAUGHT = "Uncaught error: %s"
MESSAGE_LEFT_OUT = "A message was left out (not on the list of safe messages)"

EVENTS = frozenset({
    APP_STARTED, VAULT_OPENED, VAULT_LOCKED, UNLOCK_FAILED, IMPORT_FINISHED, IMPORT_FAILED,
    PACKET_FAILED, DELIVERY_FAILED, REMEMBER_FAILED, REMEMBERED_OPEN_FAILED, BACKGROUND_FAILED,
    UNCAUGHT, MESSAGE_LEFT_OUT,
})

log = logging.getLogger("organizer")
log.addHandler(logging.NullHandler())  # without the file (the command line), nothing is printed


class Code(str):
    """Text our own code vouches for (a version, a kind of error); never text from a file or a person."""


def error_kind(error: BaseException) -> Code:
    """`WrongPassphrase`, `OSError`…: the class of the error, never its message."""
    return Code(type(error).__qualname__)


class PrivacyFilter(logging.Filter):
    """Lets a record through only in a form that cannot hold a name, record text or a passphrase."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not (isinstance(record.msg, str) and record.msg in EVENTS):
            record.msg, record.args = MESSAGE_LEFT_OUT, ()
        record.args = _safe_args(record.args)
        try:
            record.msg % record.args
        except (TypeError, ValueError):  # e.g. a left-out argument where a number was expected
            record.msg, record.args = MESSAGE_LEFT_OUT, ()
        where = _where(record.exc_info)
        if where:
            record.msg, record.args = f"{record.msg} (%s)", (*record.args, Code(where))
        record.exc_info = record.exc_text = record.stack_info = None
        return True


def _safe_args(args: object) -> tuple[object, ...]:
    if not args:
        return ()
    values = args if isinstance(args, tuple) else (args,)
    return tuple(value if _is_safe(value) else LEFT_OUT for value in values)


def _is_safe(value: object) -> bool:
    return value is None or isinstance(value, Code) or (
        isinstance(value, int | float) and not isinstance(value, str))


def _where(exc_info: object) -> str:
    """`ValueError at reader.py:42 in parse`: the kind of error and the innermost frame."""
    if not isinstance(exc_info, tuple) or len(exc_info) != 3 or exc_info[1] is None:
        return ""
    error, trace = exc_info[1], exc_info[2]
    if not isinstance(trace, TracebackType):
        return type(error).__qualname__
    while trace.tb_next is not None:
        trace = trace.tb_next
    code = trace.tb_frame.f_code
    return f"{type(error).__qualname__} at {Path(code.co_filename).name}:{trace.tb_lineno} in {code.co_name}"


def default_log_file() -> Path:
    """`organizer.log` in this user's log folder (e.g. ~/.local/state/…/log on Linux)."""
    return Path(user_log_dir(APP_NAME, appauthor=False)) / LOG_FILE_NAME


_handler: RotatingFileHandler | None = None


def configure(path: Path | None = None, level: int = logging.INFO) -> Path:
    """Send every log record (ours and the libraries') through the filter into a rotating file."""
    global _handler
    target = path or default_log_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
    _handler = RotatingFileHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                   encoding="utf-8", delay=False)
    _handler.addFilter(PrivacyFilter())
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(_handler)  # libraries' warnings too, through the same filter
    log.setLevel(level)
    return target


def log_file() -> Path:
    """The file being written now, or where it would be."""
    return Path(_handler.baseFilename) if _handler is not None else default_log_file()


def stop() -> None:
    """Close the file (tests, the end of the app)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def install_excepthooks() -> None:
    """Uncaught errors (in the main thread, a worker thread, a Qt slot) go to the log by kind."""
    previous, previous_thread = sys.excepthook, threading.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error(UNCAUGHT, error_kind(error), exc_info=(kind, error, trace))
        previous(kind, error, trace)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log.error(UNCAUGHT, error_kind(args.exc_value),
                      exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        previous_thread(args)

    sys.excepthook, threading.excepthook = hook, thread_hook


def log_failure(event: str, error: BaseException) -> None:
    """One line for an error the user was told about: which step, and the kind of error."""
    log.warning(event, error_kind(error), exc_info=(type(error), error, error.__traceback__))
