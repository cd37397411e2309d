"""Text analysis: entities first, tokens with exact offsets, width/kana-insensitive matching."""

from __future__ import annotations

from sm_lint.io.document import parse_draft
from sm_lint.text.analysis import analyse
from sm_lint.text.textnorm import fold, normalize
from sm_lint.text.tokenizer import Lexeme, Token, Tokens


def _analyse(text):
    return analyse(parse_draft(text, "t.md"))


def test_entities_are_extracted_with_original_spans():
    text = (
        "詳しくはhttps://www.city.joetsu.niigata.jp/です。"
        "問合せ kouhou@city.joetsu.lg.jp @joetsu_city #上越市 #高田の夜桜"
    )
    a = _analyse(text)
    kinds = {(e.kind, e.text) for e in a.entities}
    assert ("url", "https://www.city.joetsu.niigata.jp/") in kinds
    assert ("email", "kouhou@city.joetsu.lg.jp") in kinds
    assert ("mention", "@joetsu_city") in kinds
    assert ("hashtag", "#上越市") in kinds and ("hashtag", "#高田の夜桜") in kinds
    for e in a.entities:
        start, end = a.to_original(e.start, e.end)
        assert text[start:end] == e.text


def test_full_width_url_is_seen_as_url():
    text = "（ｈｔｔｐｓ：／／ｗｗｗ．ｃｉｔｙ．ｊｏｅｔｓｕ．ｎｉｉｇａｔａ．ｊｐ／）をご覧ください"
    a = _analyse(text)
    urls = [e for e in a.entities if e.kind == "url"]
    assert [u.text for u in urls] == ["https://www.city.joetsu.niigata.jp/"]
    start, end = a.to_original(urls[0].start, urls[0].end)
    assert text[start:end] == "ｈｔｔｐｓ：／／ｗｗｗ．ｃｉｔｙ．ｊｏｅｔｓｕ．ｎｉｉｇａｔａ．ｊｐ／"


def test_urls_are_not_tokenized_but_hashtag_words_are():
    a = _analyse("https://example.jp/bakamono を見て #ばか")
    surfaces = [t.surface for t in a.tokens]
    assert "bakamono" not in surfaces and "example" not in surfaces
    assert "ばか" in surfaces


def test_token_fields_and_offsets():
    text = "---\na: 1\n---\n明日は雨らしい。"
    a = _analyse(text)
    rashii = next(t for t in a.tokens if t.surface == "らしい")
    assert rashii.pos1 == "助動詞" and rashii.lemma == "らしい"
    start, end = a.to_original(rashii.start, rashii.end)
    assert text[start:end] == "らしい"
    ame = next(t for t in a.tokens if t.surface == "雨")
    assert ame.goshu == "和" and ame.orth_base == "雨"


def test_the_tokens_are_a_sequence_of_token_in_full():
    # stored as columns, read as a Sequence[Token]: its index() is Sequence's, not a lookup
    # by attribute (that is by_value()), and a Token is its word's fields and the offsets
    tokens = _analyse("明日は雨らしい。").tokens
    rain = tokens[2]
    assert isinstance(rain, Token) and rain.surface == "雨"
    assert tokens.index(rain) == 2 and tokens.count(rain) == 1 and rain in tokens
    assert isinstance(tokens[1:3], Tokens) and list(tokens[1:3]) == [tokens[1], rain]
    assert Token._fields == (*Lexeme._fields, "start", "end")
    assert rain[: len(Lexeme._fields)] == tokens.word(2)
    assert list(tokens.by_value("surface")["雨"]) == [2]


def test_width_and_kana_variants_share_a_lemma():
    lemmas = {t.lemma for text in ("ﾊﾞｶ", "ばか", "馬鹿", "バカ") for t in _analyse(text).tokens}
    assert lemmas == {"馬鹿"}


def test_normalize_maps_back_to_original():
    text = "ﾃｽﾄ㈱ＡＢ"
    view = normalize(text)
    assert view.text == "テスト(株)AB"
    assert view.to_original(0, 3) == (0, 3)
    assert view.to_original(3, 6) == (3, 4)  # (株) came from the single character ㈱
    assert fold("ﾊﾞｶ") == fold("バカ") == fold("ばか")


def test_long_line_is_tokenized_in_chunks_with_exact_offsets():
    sentence = "雪が降りました。"
    text = sentence * 5000  # 40,000 characters on one line: more than one MeCab chunk
    a = _analyse(text)
    assert len(a.tokens) == 5000 * len(_analyse(sentence).tokens)
    last = a.tokens[-1]
    assert text[last.start : last.end] == "。" and last.end == len(text)


def test_an_empty_body_maps_to_where_the_body_starts():
    view = normalize("", base=17)
    assert view.to_original(0, 0) == (17, 17)
