"""Any text goes through the pipeline, and every offset it returns points into that text."""
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.model import Article
from ingest.pipeline import analyze

NEWS_WORDS = st.sampled_from(
    ["اتهم", "اتهمت", "يتهم", "بدعم", "دعم", "قصفت", "غارات", "على", "في", "إلى", "من", "قبل", "لم", "لا", "إلا", "لو", "أن", "إن", "قال", "وزير", "الخارجية", "الروسي", "الرئيس", "الأمريكي", "سيرغي", "لافروف", "روسيا", "وإيران", "الولايات", "المتحدة", "داعش", "تدمر", "حلب", "التنظيم", "المدينة", "الناطق", "باسم", "الوزارة", "واشنطن", "موسكو", "القوات", "الجوية", "الروسية", "خوان", "ألفاريز", ".", "،", ":", "«", "»", '"', "(", ")", "؟", "\n", "2016", "ـ", "ﻻ", "\u200f", "\x00", "href", "<img>", "&", ";"])
TEXTS = st.lists(NEWS_WORDS, max_size=60).map(" ".join) | st.text(max_size=200)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_any_text_is_analysed_with_consistent_offsets(text):
    doc = analyze(Article("fuzz", text))
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text
    for m in doc.mentions:
        assert text[m.start:m.end] == m.surface and 0 <= m.sentence < len(doc.sentences)
    keys = {e.key for e in doc.entities}
    for r in doc.relations:
        assert {r.agent, r.target} <= keys and r.agent != r.target
        assert 0 <= r.sentence < len(doc.sentences)


def test_an_empty_article_has_nothing():
    doc = analyze(Article("empty", ""))
    assert (doc.sentences, doc.mentions, doc.relations) == ((), (), ())
