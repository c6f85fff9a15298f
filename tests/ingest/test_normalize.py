"""The fast normalizer and tokenizer give camel-tools' output, with spans into the source."""
import pytest
import regex
from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)
from hypothesis import given, settings
from hypothesis import strategies as st

import ingest  # noqa: F401  (points camel-tools at the offline catalogue)
from ingest.normalize import (
    _MAP,
    _MAPPED,
    _MARKS,
    _NFKC,
    _SPACE_END,
    _SPACES,
    _changes,
    normalize_text,
    tokenize,
)

ARABIC_NEWS_CHARS = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةـ") + list("\u064b\u064e\u064f\u0650\u0651\u0652")
    + list(" \n\t.،؛:!؟?«»\"()-–0123456789٠١٢abcXYZ") + ["ﻻ", "ﷲ", "\u200f", "…"]
    + list("\u0670\u064c٪“”/%.,") + ["فقال", "«الجيش»", "3.5"])  # pieces a chunk is made of
TEXTS = st.lists(ARABIC_NEWS_CHARS, max_size=60).map("".join)


def camel_key(text: str) -> str:
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(
        dediac_ar(normalize_unicode(text))))).replace("\u0640", "")


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_tokens_equal_camel_simple_word_tokenize(text):
    assert [t.text for t in tokenize(text)] == simple_word_tokenize(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_normalize_text_equals_camel_chain(text):
    assert normalize_text(text) == camel_key(text)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_normalization_is_idempotent(text):
    assert normalize_text(normalize_text(text)) == normalize_text(text)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_token_spans_point_into_the_source_and_keys_are_normalized(text):
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text
        assert tok.key == camel_key(tok.text)


def test_the_characters_normalize_text_looks_for_are_those_it_changes():
    nfkc = regex.compile(r"[\u00a0-\u00bf\u2000-\u206f\u2100-\u2bff\ufb00-\ufdff\ufe10-\ufeff"
                         r"\uff00-\uffef]")  # what NFKC changes in Arabic text
    chars = [chr(c) for c in range(0x110000) if not 0xd800 <= c < 0xe000]
    assert [c for c in chars if _changes(c)] == [c for c in chars if c in _MAP or nfkc.match(c)]
    assert [c for c in chars if _changes(c) == _NFKC] == [c for c in chars if nfkc.match(c)]
    assert _changes("وبالعراق 3.5" + chr(0x1f600)) == 0 and _changes("قالَ") == _MAPPED
    assert _changes("ﻻ قالَ") == _MAPPED | _NFKC


def test_the_white_space_tokenize_splits_on_is_str_splits():
    assert [c for c in range(0x110000) if chr(c).isspace()] == \
        [c for c in range(_SPACE_END) if _SPACES[c]]
    text = "\u3000قال\xa0الجيش\u2028،\x85 «داعش»\u202f \u200fو"
    assert [(t.text, t.start) for t in tokenize(text)] == \
        [(w, text.index(w)) for w in simple_word_tokenize(text)]


def test_orthographic_variants_share_one_key():
    assert normalize_text("إيران") == normalize_text("ايران")
    assert normalize_text("سورية") == normalize_text("سوريه")
    assert normalize_text("مصطفى") == normalize_text("مصطفي")
    assert normalize_text("أمريكا") == normalize_text("امريكا")


def test_the_marks_peeled_off_words_are_punctuation_or_symbols():
    assert all(regex.fullmatch(r"[\p{P}\p{S}]", mark) for mark in _MARKS)


@pytest.mark.parametrize("text", [
    "قال المتحدث: «قُتِل 3 جنود»، وأُصيب آخرون (بجروح).",
    "نسبة 3.5٪ في 2014-2015… و«المدينة»، و«المدينة»،",
])
def test_tokens_keep_their_offsets_in_news_punctuation(text):
    tokens = tokenize(text)
    assert [t.text for t in tokens] == simple_word_tokenize(text)
    assert all(text[t.start:t.end] == t.text and t.key == camel_key(t.text) for t in tokens)


def test_a_separator_str_split_takes_for_white_space_stays_inside_its_token():
    text = "الجيش\x1cالسوري، الجيش،"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["الجيش\x1cالسوري", "،", "الجيش", "،"]
    assert all(text[t.start:t.end] == t.text and t.key == camel_key(t.text) for t in tokens)


def test_a_chunk_seen_again_gives_its_tokens_at_the_new_offsets():
    tokens = tokenize("«الحدود»، ثم «الحدود»،")
    assert [t.text for t in tokens] == ["«", "الحدود", "»", "،", "ثم", "«", "الحدود", "»", "،"]
    assert [t.start for t in tokens] == [0, 1, 7, 8, 10, 13, 14, 20, 21]
