"""Found in review of this stop's change (issues 23 and 25): each case failed before its fix."""

from __future__ import annotations


def test_a_lone_surname_beside_an_address_on_a_look_alike_of_the_citys_domain_is_a_name(lint):
    # names.py read "own" e-mail domains with str.endswith, where JP-I105 (email_address.py)
    # reads a domain or its subdomains: xcity.joetsu.lg.jp passed as the city's own, so the
    # surname beside it was not found, while the address itself was reported as private.
    text = "フリマの出店相談は、主催の黒田（kuroda@xcity.joetsu.lg.jp）まで。"
    assert "JP-I107" in [f.rule for f in lint(text)]
    # the city's own domain and its subdomains still tell no person's contact
    assert "JP-I107" not in [f.rule for f in lint("申込みは木田 kouhou@city.joetsu.lg.jp へ")]
    assert "JP-I107" not in [f.rule for f in lint("申込みは木田 kouhou@kanko.city.joetsu.lg.jp へ")]
