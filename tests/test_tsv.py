"""Tab-separated clipboard text, as Excel and WPS write and read it."""
from hypothesis import given
from hypothesis import strategies as st

from ui.tsv import from_tsv, to_tsv

cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@given(st.lists(st.lists(cells, min_size=1, max_size=5), min_size=1, max_size=5).filter(
    lambda rows: len({len(r) for r in rows}) == 1 and not (len(rows) == 1 and rows[0] == [""])))
def test_round_trip(rows):
    assert from_tsv(to_tsv(rows)) == rows


def test_excel_shapes():
    assert from_tsv("a\tb\r\nc\td\r\n") == [["a", "b"], ["c", "d"]]
    assert from_tsv('"x\ny"\t"say ""hi"""\n') == [["x\ny", 'say "hi"']]
    assert from_tsv('"三公"经费') == [['"三公"经费']]  # not a quoted cell: the quotes are text
    assert from_tsv("1.00\t\t2.00\t\n") == [["1.00", "", "2.00", ""]]
