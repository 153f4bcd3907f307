"""RAG_DATABASE_URL checked once, in the settings: a URL psycopg could not read is one error
line from every command, and no message says the password."""

from __future__ import annotations

import subprocess

import pytest
from click.testing import CliRunner
from conftest import GOLD, rag_executable

from api.cli import main
from index.pgurl import redacted, url_problem
from rag.settings import Settings

SECRET = "s3cretpw"

# (a wrong URL, what the error says is wrong with it)
WRONG = [
    (f"postgres//user:{SECRET}@host/db", "does not begin with postgresql://"),
    (f"mysql://user:{SECRET}@h/db", "the scheme is mysql://"),
    (f"host=h password={SECRET}", "does not begin with postgresql://"),
    (f"host=h password='{SECRET} x' dbname=d", "does not begin with postgresql://"),
    (f"postgresql://u:{SECRET}%zz@h/db", "%25"),
    (f"postgresql://u:{SECRET}@[::1/db", "IPv6"),
    (f"postgresql://u:{SECRET}@[nothex]/db", "IPv6"),
    (f"postgresql://u:{SECRET}@h:port/db", "port"),
    (f"postgresql://u:{SECRET}@h:70000/db", "port"),
    (f"postgresql://u:{SECRET}@h1:5432,h2:x/db", "port"),
    (f"postgresql://u:{SECRET}/x@h/db", "%40"),
    (f"postgresql://u:{SECRET}@x@h/db", "%40"),
]

RIGHT = [
    "postgresql://rag:change-me@db.example:5432/rag",
    "postgres://rag@db.example/rag",
    "postgresql:///rag",
    "postgresql://postgres:@/db?host=/tmp/rag-pg-x",
    "postgresql://u:p%40ss@[::1]:5432/db?sslmode=require",
    "postgresql://u:p@h1:5432,h2:5433/db",
]

# every command that reads the settings: none gets as far as its own work
COMMANDS = [
    ["db", "status"],
    ["db", "upgrade"],
    ["index", "nowhere"],
    ["ask", "sản lượng chè năm 2020?"],
    ["search", "chè"],
    ["eval", str(GOLD)],
    ["serve"],
]


@pytest.mark.parametrize(("url", "why"), WRONG)
def test_a_wrong_url_is_refused_by_the_settings_without_its_password(url: str,
                                                                     why: str) -> None:
    problem = url_problem(url)
    assert problem is not None and why in problem
    assert SECRET not in redacted(url)
    with pytest.raises(ValueError, match="not a PostgreSQL URL"):
        Settings(database_url=url)


@pytest.mark.parametrize("url", RIGHT)
def test_a_postgresql_url_libpq_reads_is_taken(url: str) -> None:
    assert url_problem(url) is None
    assert Settings(database_url=url).database_url == url
    assert Settings(database_url="").database_url == ""  # `rag eval --corpus`: files


@pytest.mark.parametrize(("url", "shown"), [
    (f"postgresql://u:{SECRET}@h:5432/db", "postgresql://u:***@h:5432/db"),
    (f"postgresql://u@h/db?sslmode=require&password={SECRET}",
     "postgresql://u@h/db?sslmode=require&password=***"),
    (f"host=h password={SECRET} dbname=d", "host=h password=*** dbname=d"),
    (f"host=h password='{SECRET} @x' dbname=d", "host=h password=*** dbname=d"),
    (f"postgres//user:{SECRET}@host/db", "***@host/db"),
    (f"postgresql://u:{SECRET}/x@h/db", "postgresql://***"),  # in doubt: all of it
    (SECRET, "***"),
    ("postgresql://postgres:@/db?host=/tmp/x", "postgresql://postgres@/db?host=/tmp/x"),
])
def test_redacted_masks_the_password_wherever_it_is(url: str, shown: str) -> None:
    assert redacted(url) == shown


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
@pytest.mark.parametrize("url", [u for u, _ in WRONG], ids=range(len(WRONG)))
def test_every_command_says_a_wrong_url_in_one_line_without_its_password(
        url: str, args: list[str]) -> None:
    result = CliRunner().invoke(main, args, env={"RAG_DATABASE_URL": url})
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert SECRET not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    assert lines[0].startswith("error: invalid setting RAG_DATABASE_URL=")
    assert "not a PostgreSQL URL (postgresql://user:password@host:port/dbname)" in lines[0]


def test_the_installed_command_says_it_too(cli_env: dict[str, str]) -> None:
    url = f"postgresql://u:{SECRET}@h:port/db"
    proc = subprocess.run([rag_executable(), "db", "upgrade", "--database-url", url],
                          capture_output=True, text=True, env=cli_env, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert SECRET not in proc.stdout + proc.stderr
    assert proc.stderr == ("error: invalid setting RAG_DATABASE_URL='postgresql://u:***@h:port/"
                           "db': Value error, not a PostgreSQL URL (postgresql://user:password@"
                           "host:port/dbname): the port is not a number from 1 to 65535\n")
