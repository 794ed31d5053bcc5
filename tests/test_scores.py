import subprocess
import sys
from pathlib import Path

import pytest

from lagebild.records import EVENT_MODES, EVENT_TYPES
from lagebild.scores import SCORES_FILE, score, score_table

REPO = Path(__file__).resolve().parent.parent
MANUAL = REPO.parent / "shared" / "data" / "plover" / "PLOVER_MANUAL.tex"


def test_every_type_and_mode_has_a_score_in_range():
    for kind in EVENT_TYPES:
        assert -10 <= score(kind) <= 10
        for mode in EVENT_MODES.get(kind, ()):
            assert -10 <= score(kind, mode) <= 10
    assert score("CONSULT", "visit") == 4 and score("ASSAULT", "unconventional") == -10
    assert score("AID") == 10 and score("PROTEST", "vandalize") == score("PROTEST")
    assert score("ACCUSE") == -3          # the manual's sign typo, corrected by the build script
    with pytest.raises(KeyError):
        score("HUG")


def test_quads_have_the_sign_of_their_scores():
    from lagebild.records import EVENT_QUADS
    for (kind, mode), value in score_table().items():
        if EVENT_QUADS[kind] == "material_conflict":
            assert value < 0, (kind, mode)
        if EVENT_QUADS[kind] == "material_cooperation":
            assert value > 0, (kind, mode)


@pytest.mark.skipif(not MANUAL.exists(), reason="shared PLOVER manual not available")
def test_data_file_is_what_the_build_script_derives(tmp_path):
    out = tmp_path / "scores.tsv"
    subprocess.run([sys.executable, str(REPO / "scripts" / "build_plover_scores.py"), "--out", str(out)],
                   check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == SCORES_FILE.read_text(encoding="utf-8")
