"""The fast normalizer and tokenizer give camel-tools' output, with spans into the source."""
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
from ingest.normalize import normalize_text, tokenize

ARABIC_NEWS_CHARS = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةـ") + list("\u064b\u064e\u064f\u0650\u0651\u0652")
    + list(" \n\t.،؛:!؟?«»\"()-–0123456789٠١٢abcXYZ") + ["ﻻ", "ﷲ", "\u200f", "…"])
TEXTS = st.text(ARABIC_NEWS_CHARS, max_size=80)


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
def test_token_spans_point_into_the_source(text):
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text


def test_orthographic_variants_share_one_key():
    assert normalize_text("إيران") == normalize_text("ايران")
    assert normalize_text("سورية") == normalize_text("سوريه")
    assert normalize_text("مصطفى") == normalize_text("مصطفي")
    assert normalize_text("أمريكا") == normalize_text("امريكا")
