"""SPF evaluation (RFC 7208 check_host) against zones served by a real DNS server."""

from __future__ import annotations

import pytest

from api.directory.dns import spf
from api.directory.dns.resolver import Lookup


@pytest.fixture
def lookup(dns_server) -> Lookup:
    return Lookup(dns_server.address, timeout=3)


async def test_qualifiers_decide_the_result(dns_server, lookup):
    dns_server.publish(
        {
            "s.test": [
                'pass TXT "v=spf1 ip4:192.0.2.0/24 -all"',
                'fail TXT "v=spf1 ip4:198.51.100.1 -all"',
                'soft TXT "v=spf1 ~all"',
                'neutral TXT "v=spf1 ?all"',
                'empty TXT "v=spf1"',
                'none TXT "just text"',
            ]
        }
    )
    results = {
        label: (await spf.evaluate(lookup, "192.0.2.9", f"{label}.s.test")).result
        for label in ("pass", "fail", "soft", "neutral", "empty", "none")
    }
    assert results == {
        "pass": "pass",
        "fail": "fail",
        "soft": "softfail",
        "neutral": "neutral",
        "empty": "neutral",
        "none": "none",
    }


async def test_a_mx_and_ip6_mechanisms_with_cidr(dns_server, lookup):
    dns_server.publish(
        {
            "s.test": [
                "host A 192.0.2.10",
                "host AAAA 2001:db8:1::10",
                "@ MX 10 host.s.test.",
                'a TXT "v=spf1 a:host.s.test/28 -all"',
                'mx TXT "v=spf1 mx:s.test//64 -all"',
                'six TXT "v=spf1 ip6:2001:db8::/32 -all"',
            ]
        }
    )
    assert (await spf.evaluate(lookup, "192.0.2.14", "a.s.test")).result == "pass"
    assert (await spf.evaluate(lookup, "192.0.2.20", "a.s.test")).result == "fail"
    assert (await spf.evaluate(lookup, "2001:db8:1::ffff", "mx.s.test")).result == "pass"
    assert (await spf.evaluate(lookup, "2001:db8:2::1", "mx.s.test")).result == "fail"
    assert (await spf.evaluate(lookup, "2001:db8:7::1", "six.s.test")).result == "pass"
    assert (await spf.evaluate(lookup, "192.0.2.1", "six.s.test")).result == "fail"


async def test_include_chain_counts_every_lookup(dns_server, lookup):
    dns_server.publish(
        {
            "s.test": [
                '@ TXT "v=spf1 include:one.s.test -all"',
                'one TXT "v=spf1 include:two.s.test -all"',
                'two TXT "v=spf1 include:three.s.test -all"',
                'three TXT "v=spf1 ip4:192.0.2.1 -all"',
            ]
        }
    )
    result = await spf.evaluate(lookup, "192.0.2.1", "s.test")
    assert (result.result, result.lookups) == ("pass", 3)
    tree = await spf.analyse(lookup, "s.test")
    assert (tree.result, tree.lookups) == ("pass", 3)


async def test_eleven_lookups_is_permerror(dns_server, lookup):
    chain = [f'l{i} TXT "v=spf1 include:l{i + 1}.s.test -all"' for i in range(11)]
    dns_server.publish({"s.test": [*chain, 'l11 TXT "v=spf1 ip4:192.0.2.1 -all"']})
    ten = await spf.evaluate(lookup, "192.0.2.1", "l1.s.test")
    assert (ten.result, ten.lookups) == ("pass", 10)
    eleven = await spf.evaluate(lookup, "192.0.2.1", "l0.s.test")
    assert eleven.result == "permerror" and "more than 10" in eleven.detail
    assert (await spf.analyse(lookup, "l1.s.test")).result == "pass"
    assert (await spf.analyse(lookup, "l0.s.test")).result == "permerror"


async def test_redirect_counts_and_is_ignored_after_all(dns_server, lookup):
    dns_server.publish(
        {
            "s.test": [
                'r TXT "v=spf1 redirect=target.s.test"',
                'target TXT "v=spf1 ip4:192.0.2.1 -all"',
                'ignored TXT "v=spf1 ?all redirect=target.s.test"',
                'dangling TXT "v=spf1 redirect=nothing.s.test"',
            ]
        }
    )
    assert (await spf.evaluate(lookup, "192.0.2.1", "r.s.test")).result == "pass"
    assert (await spf.evaluate(lookup, "192.0.2.1", "ignored.s.test")).result == "neutral"
    assert (await spf.evaluate(lookup, "192.0.2.1", "dangling.s.test")).result == "permerror"
    assert (await spf.analyse(lookup, "dangling.s.test")).result == "permerror"


async def test_include_of_a_name_without_spf_is_permerror(dns_server, lookup):
    dns_server.publish({"s.test": ['@ TXT "v=spf1 include:nothing.s.test ~all"']})
    result = await spf.evaluate(lookup, "192.0.2.1", "s.test")
    assert result.result == "permerror" and "no SPF record" in result.detail


async def test_more_than_two_void_lookups_is_permerror(dns_server, lookup):
    dns_server.publish(
        {
            "s.test": [
                '@ TXT "v=spf1 a:v1.s.test a:v2.s.test a:v3.s.test ip4:192.0.2.1 -all"',
                'two TXT "v=spf1 a:v1.s.test a:v2.s.test ip4:192.0.2.1 -all"',
            ]
        }
    )
    assert (await spf.evaluate(lookup, "192.0.2.1", "two.s.test")).result == "pass"
    result = await spf.evaluate(lookup, "192.0.2.1", "s.test")
    assert result.result == "permerror" and "void" in result.detail


async def test_exists_with_macros(dns_server, lookup):
    dns_server.publish(
        {
            "s.test": [
                '@ TXT "v=spf1 exists:%{ir}.%{l1r-}.allow.s.test -all"',
                "1.2.0.192.jane.allow A 127.0.0.2",  # %{l1r-} of jane-bob is jane (RFC 7208 7.4),
            ]
        }
    )
    ok = await spf.evaluate(lookup, "192.0.2.1", "s.test", sender="jane-bob@s.test")
    assert ok.result == "pass"
    no = await spf.evaluate(lookup, "192.0.2.1", "s.test", sender="carol@s.test")
    assert no.result == "fail"


@pytest.mark.parametrize(
    "record",
    [
        "v=spf1 foo:bar -all",
        "v=spf1 ip4:300.1.1.1 -all",
        "v=spf1 ip4:192.0.2.1/33 -all",
        "v=spf1 ip6:192.0.2.1 -all",
        "v=spf1 include -all",
        "v=spf1 all:x",
        "v=spf1 redirect=a.s.test redirect=b.s.test",
        "v=spf1 a:%{z}.s.test -all",
    ],
)
async def test_syntax_errors_are_permerror(dns_server, lookup, record):
    dns_server.publish({"s.test": [f'@ TXT "{record}"']})
    assert (await spf.evaluate(lookup, "192.0.2.1", "s.test")).result == "permerror"


async def test_two_records_are_permerror_and_dns_failure_is_temperror(dns_server, lookup):
    dns_server.publish({"s.test": ['@ TXT "v=spf1 -all"', '@ TXT "v=spf1 +all"']})
    assert (await spf.evaluate(lookup, "192.0.2.1", "s.test")).result == "permerror"
    # a zone the server does not serve answers REFUSED, as a broken upstream would
    assert (await spf.evaluate(lookup, "192.0.2.1", "unserved.test")).result == "temperror"


async def test_include_loop_is_permerror(dns_server, lookup):
    dns_server.publish(
        {
            "s.test": [
                'a TXT "v=spf1 include:b.s.test -all"',
                'b TXT "v=spf1 include:a.s.test -all"',
            ]
        }
    )
    assert (await spf.evaluate(lookup, "192.0.2.1", "a.s.test")).result == "permerror"
    assert (await spf.analyse(lookup, "a.s.test")).result == "permerror"
