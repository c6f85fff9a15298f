"""The values of ingest/model.py (compiled into native classes): frozen, equal by their fields,
and sent to worker processes whole (pickle, as multiprocessing and Dask do)."""
import dataclasses
import pickle

import pytest

from ingest.model import Article, Document, Entity, Mention, Relation, Role, Sentence

ARTICLE = Article("a1", "قصفت الطائرات الروسية مواقع في حلب.", date="2016-05-01")
ENTITY = Entity("vladimir-putin", "Person", "فلاديمير بوتين", "Vladimir Putin",
                alt_ar=("بوتين",), affiliation="russia",
                role=Role("president", "الرئيس", "President"))
RELATION = Relation("strikes", "russia", "aleppo", 0, "قصفت", places=("syria",), killed=3)
DOCUMENT = Document(ARTICLE, (Sentence(0, 36, ARTICLE.text),), (ENTITY,),
                    (Mention("aleppo", 30, 34, 0, "حلب"),), (RELATION,))


@pytest.mark.parametrize("value", [ARTICLE, ENTITY, RELATION, DOCUMENT])
def test_a_value_comes_back_from_pickle_equal(value):
    back = pickle.loads(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    assert back == value and hash(back) == hash(value) and type(back) is type(value)


def test_values_are_frozen_and_replace_makes_another():
    with pytest.raises(dataclasses.FrozenInstanceError):
        RELATION.killed = 4
    assert dataclasses.replace(RELATION, killed=4).killed == 4 and RELATION.killed == 3
    assert [f.name for f in dataclasses.fields(Mention)] == \
        ["entity", "start", "end", "sentence", "surface"]
