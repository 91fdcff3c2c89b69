"""A private, throwaway PostgreSQL server for tests (../shared/notes/dependencies.md, 6 B).

``throwaway_postgres()`` runs initdb into a temporary folder, starts the server
on 127.0.0.1 at a free port with a socket in that folder, yields a URL maker,
and at the end stops the server by its PID and removes the folder. initdb
refuses to run as root, so as root the server runs as the ``postgres`` user.
``unavailable()`` says why no server can be started here, or None.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path

START_TIMEOUT_S = 30
STOP_TIMEOUT_S = 30
# Durability is pointless in a server deleted after the tests; these make it fast.
FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def bindir() -> Path | None:
    """The newest PostgreSQL server binaries: $STORYLINE_PG_BIN, then Debian's layout."""
    found = [os.environ.get("STORYLINE_PG_BIN", "")]
    found += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_major, reverse=True)
    found.append(str(Path(shutil.which("initdb") or "/nonexistent").parent))
    return next((Path(d) for d in found if d and (Path(d) / "initdb").is_file()), None)


def unavailable() -> str | None:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install storyline[postgres])"
    if bindir() is None:
        return "PostgreSQL server binaries (initdb, pg_ctl) not found; apt-get install postgresql"
    if os.geteuid() == 0 and not _user_exists("postgres"):
        return "running as root without a 'postgres' user to run initdb as"
    return None


@contextmanager
def throwaway_postgres() -> Iterator[Callable[[], str]]:
    """Yield ``new_database()``, which makes an empty store location and returns its URL."""
    bin_ = bindir()
    assert bin_ is not None, unavailable()
    root = Path(tempfile.mkdtemp(prefix="storyline-pg-"))
    data, port = root / "data", _free_port()
    try:
        if os.geteuid() == 0:
            shutil.chown(root, "postgres", "postgres")
        _as_server_user(
            [
                str(bin_ / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        )
        options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 {FAST}"
        _as_server_user(
            [
                str(bin_ / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(root / "pg.log"),
                "-o",
                options,
                "-w",
                "-t",
                str(START_TIMEOUT_S),
                "start",
            ]
        )
        yield _database_maker(port)
    except subprocess.CalledProcessError as exc:
        log = (root / "pg.log").read_text(errors="replace") if (root / "pg.log").exists() else ""
        raise RuntimeError(f"throwaway PostgreSQL failed: {exc.stderr}\n{log[-2000:]}") from exc
    finally:
        _stop(data)
        shutil.rmtree(root, ignore_errors=True)


def _database_maker(port: int) -> Callable[[], str]:
    """Each "database" is a fresh schema of one database: CREATE SCHEMA takes a millisecond,
    CREATE DATABASE copies a template (about 0.5 s and 8 MB each)."""
    import psycopg

    numbers = count(1)
    server = f"host=127.0.0.1 port={port} user=postgres"
    with psycopg.connect(f"{server} dbname=postgres", autocommit=True) as conn:
        conn.execute("CREATE DATABASE storyline_test")

    def new_database() -> str:
        name = f"t{next(numbers)}"
        with psycopg.connect(f"{server} dbname=storyline_test", autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        return f"postgresql://postgres@127.0.0.1:{port}/storyline_test?options=-csearch_path%3D{name}"

    return new_database


def _stop(data: Path) -> None:
    pid_file = data / "postmaster.pid"
    if not pid_file.exists():
        return
    pid = int(pid_file.read_text().split()[0])
    os.kill(pid, signal.SIGINT)  # "fast" shutdown: disconnects clients, exits cleanly
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _as_server_user(argv: list[str]) -> None:
    if os.geteuid() == 0:
        argv = ["runuser", "-u", "postgres", "--", *argv]
    subprocess.run(argv, check=True, capture_output=True, text=True, timeout=60)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _major(path: str) -> int:
    version = Path(path).parent.name
    return int(version) if version.isdigit() else 0
