"""The IMAP command parser: typed commands from bytes, and never anything but a Command or
a ParseError for any input (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.imap.parser import Command, FetchItem, ParseError, SeqSet, parse_command
from api.kit import mutf7


def test_fetch_with_sections_partials_and_modifiers() -> None:
    cmd = parse_command(b"a1 UID FETCH 1:*,7 (FLAGS BODY.PEEK[HEADER.FIELDS (FROM TO)]<0.100>"
                        b" BODY[1.2.MIME] BINARY[2]) (CHANGEDSINCE 12 VANISHED)\r\n")
    assert (cmd.tag, cmd.name, cmd.uid) == ("a1", "FETCH", True)
    assert cmd.args["set"] == SeqSet(((1, None), (7, 7)))
    items = cmd.args["items"]
    assert items[1] == FetchItem("BODY.PEEK", "HEADER.FIELDS", (), ("FROM", "TO"), (0, 100),
                                 raw="BODY.PEEK[HEADER.FIELDS (FROM TO)]")
    assert items[2].part == (1, 2) and items[2].section == "MIME"
    assert items[3].name == "BINARY" and items[3].part == (2,)
    assert cmd.args["changedsince"] == 12 and cmd.args["vanished"] is True


def test_literals_and_literal_plus_in_login_and_append() -> None:
    cmd = parse_command(b"a LOGIN {5}\r\nalice {6+}\r\nsecret\r\n")
    assert cmd.args == {"user": "alice", "password": "secret"}
    cmd = parse_command(b'a APPEND "&XeVPXA-" (\\Seen) "05-Jan-2024 10:00:00 +0800" {5+}\r\n'
                        b"hello\r\n")
    [(flags, when, raw)] = cmd.args["messages"]  # type: ignore[misc]
    assert mutf7.decode(cmd.args["mailbox"]) == "工作"  # type: ignore[arg-type]
    assert flags == ["\\Seen"] and raw == b"hello"
    assert when.isoformat() == "2024-01-05T02:00:00+00:00"


def test_search_program() -> None:
    cmd = parse_command(b'a UID SEARCH RETURN (MIN COUNT) CHARSET UTF-8 OR FROM "x y" NOT '
                        b"SEEN (SINCE 1-Feb-2024 LARGER 10) UID 1:5\r\n")
    assert cmd.args["return"] == ["MIN", "COUNT"] and cmd.args["charset"] == "UTF-8"
    keys = cmd.args["keys"]
    assert keys[0] == ("OR", ("FROM", "x y"), ("NOT", ("SEEN",)))  # type: ignore[index]
    assert keys[1][0] == "AND" and keys[2] == ("UID", SeqSet(((1, 5),)))  # type: ignore[index]


def test_malformed_commands_raise_parse_error_with_the_tag() -> None:
    for line in (b"a FETCH\r\n", b"a FETCH 0 FLAGS\r\n", b"a SELECT\r\n", b"a UID NOOP\r\n",
                 b"a LOGIN {10}\r\nabc\r\n", b'a LOGIN "x\r\n', b"a FETCH 1 (FLAGS\r\n",
                 b"a STORE 1 +FLAGS (\\Nope)\r\n", b"a SEARCH OR SEEN\r\n", b"a ID (a)\r\n"):
        try:
            parse_command(line)
        except ParseError as error:
            assert error.tag == "a", line
        else:
            raise AssertionError(line)


def test_modified_utf7_round_trip_and_rejects_bad_input() -> None:
    for name in ("收件箱", "a&b", "Entwürfe", "工作/项目 2024", "~peter/mail/台北/日本語"):
        assert mutf7.decode(mutf7.encode(name)) == name
    assert mutf7.encode("收件箱") == "&ZTZO9nux-"
    for bad in ("&ZTZO9nux", "&AGE-", "é"):
        try:
            mutf7.decode(bad)
        except mutf7.Utf7Error:
            continue
        raise AssertionError(bad)


ATOMS = st.sampled_from([b"FETCH", b"UID", b"STORE", b"SEARCH", b"LOGIN", b"SELECT", b"LIST",
                         b"APPEND", b"(", b")", b"[", b"]", b"{3}\r\n", b"{99+}\r\n", b'"',
                         b"\\", b"1:*", b"BODY[", b"<0.", b"*", b" ", b"\r\n", b"NIL",
                         b"OR", b"NOT", b"HEADER.FIELDS", b"CHANGEDSINCE", b"\x00", b"\xff"])


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(ATOMS, st.binary(max_size=8)), max_size=30))
def test_parser_never_fails_otherwise(pieces: list[bytes]) -> None:
    data = b"t " + b"".join(pieces) + b"\r\n"
    try:
        result = parse_command(data)
    except ParseError:
        return
    assert isinstance(result, Command)
