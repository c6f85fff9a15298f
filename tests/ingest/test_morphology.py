"""The morphology step: camel-tools' Analyzer over the database made from the lexicon."""
import random

from ingest.morphology import _PLAIN, Reading, _plain, database_text
from ingest.pipeline import resources

LETTERS = "ءؤئابتثجحخدذرزسشصضطظعغفقكلمنهوي"  # the plain letters of normalized keys


def test_a_word_in_plain_letters_has_the_analyzers_readings(tmp_path):
    from camel_tools.morphology.analyzer import Analyzer  # after ingest: it sets camel's data
    from camel_tools.morphology.database import MorphologyDB

    lexicon, morph = resources()
    path = tmp_path / "morphology.db"
    path.write_text(database_text(lexicon), encoding="utf-8")
    db = MorphologyDB(str(path))
    analyzer = Analyzer(db)
    rng = random.Random(12)
    stems = sorted((stem, cat) for stem, entries in db.stem_hash.items() for cat, _ in entries)
    words = []
    for stem, cat in rng.sample(stems, 4000):  # a stem with a prefix and a suffix it takes
        prefixes = [p for p, entries in db.prefix_hash.items()
                    if any(cat in db.prefix_stem_compat.get(c, ()) for c, _ in entries)]
        suffixes = [s for s, entries in db.suffix_hash.items()
                    if any(c in db.stem_suffix_compat.get(cat, ()) for c, _ in entries)]
        words += [rng.choice(prefixes) + stem + rng.choice(suffixes) for _ in range(2)]
    words += [w[:i] + w[i + 1:] for w in words[:2000] for i in [rng.randrange(len(w))]]
    words += ["".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 9))) for _ in range(3000)]
    plain = [w for w in words if not w.strip(_PLAIN)]
    assert len(plain) > 10_000
    assert len([w for w in plain if analyzer.analyze(w)]) > 3000
    assert len([w for w in plain if not analyzer.analyze(w)]) > 1000
    assert [w for w in plain if morph._split(w) != readings(analyzer, w)] == []


def test_a_key_is_plain_when_its_every_character_is_of_plain():
    chars = [chr(c) for c in range(0x110000) if not 0xd800 <= c < 0xe000]
    assert [c for c in chars if _plain(c)] == [c for c in chars if not c.strip(_PLAIN)]
    assert _plain("وبالعراق") and not _plain("وبالعراقـ") and _plain("")


def readings(analyzer, word):
    """The distinct readings of the Analyzer's analyses, in its order."""
    out = []
    for a in analyzer.analyze(word):
        reading = Reading(a["lex"], a["pos"], a.get("gloss", ""), a.get("prc", ""), a.get("enc", ""))
        if reading not in out:
            out.append(reading)
    return tuple(out)


def test_a_word_in_other_characters_goes_to_the_analyzer():
    morph = resources()[1]
    assert [(r.lex, r.prefix) for r in morph.analyze("وبالعراقـ")] == [("العراق", "وب"),
                                                                        ("العراق", "وبال")]
