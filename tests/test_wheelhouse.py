"""tests/wheelhouse.py says what is wrong with a distribution it cannot repack as a wheel."""

from __future__ import annotations

from importlib import metadata

import pytest

from wheelhouse import repack


def installed(site, wheel: str | None, record: bool = True) -> metadata.Distribution:
    """A distribution `kanji-kun 1.0` installed in `site`, with `wheel` as its WHEEL file."""
    info = site / "kanji_kun-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: kanji-kun\nVersion: 1.0\n", encoding="utf-8")
    (site / "kanji_kun.py").write_text("", encoding="utf-8")
    if wheel is not None:
        (info / "WHEEL").write_text(wheel, encoding="utf-8")
    if record:
        listed = ["kanji_kun.py,,", "kanji_kun-1.0.dist-info/METADATA,,", "kanji_kun-1.0.dist-info/RECORD,,"]
        (info / "RECORD").write_text("\n".join(listed) + "\n", encoding="utf-8")
    return metadata.PathDistribution(info)


def test_a_distribution_with_no_tag_this_python_installs_is_named(tmp_path):
    dist = installed(tmp_path / "site", "Wheel-Version: 1.0\nTag: cp27-cp27m-win32\n")
    with pytest.raises(LookupError, match=r"kanji-kun 1.0 .* no wheel tag this Python installs \(cp27-cp27m-win32\)"):
        repack(dist, tmp_path)


def test_a_distribution_without_its_record_is_named(tmp_path):
    dist = installed(tmp_path / "site", "Wheel-Version: 1.0\nTag: py3-none-any\n", record=False)
    with pytest.raises(LookupError, match=r"kanji-kun 1.0 .* 0 .dist-info folders .* reinstall"):
        repack(dist, tmp_path)


def test_a_pure_python_distribution_is_repacked(tmp_path):
    dist = installed(tmp_path / "site", "Wheel-Version: 1.0\nTag: py3-none-any\n")
    assert repack(dist, tmp_path).name == "kanji_kun-1.0-py3-none-any.whl"
