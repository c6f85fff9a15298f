"""The morphology step: camel-tools' Analyzer over the database made from the lexicon."""
import random

from ingest.morphology import _PLAIN, database_text
from ingest.pipeline import resources

LETTERS = "ءؤئابتثجحخدذرزسشصضطظعغفقكلمنهوي"  # the plain letters of normalized keys


def test_the_cheap_test_never_turns_away_a_word_the_analyzer_reads(tmp_path):
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
    read = [w for w in words if analyzer.analyze(w)]
    assert len(read) > 3000
    assert [w for w in read if not morph.may_split(w)] == []
    assert len([w for w in words if not morph.may_split(w)]) > 1000  # what it saves the Analyzer
    # a word in plain letters: its answer is the Analyzer's (its tables let the parts combine)
    plain = [w for w in words if not w.strip(_PLAIN)]
    assert len(plain) > 10_000
    assert [w for w in plain if morph.may_split(w) != bool(analyzer.analyze(w))] == []


def test_a_word_in_other_characters_goes_to_the_analyzer():
    morph = resources()[1]
    assert morph.may_split("2015") and morph.may_split("Syria") and morph.may_split("العراقـ")
