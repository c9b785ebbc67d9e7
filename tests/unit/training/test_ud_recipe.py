"""``python -m training.ud``: which pretraining weights start the training, and the step options."""

from __future__ import annotations

from pathlib import Path

import pytest

from training.ud.__main__ import CONFIG, PRETRAIN, main, pretrained_weights


def test_the_weights_are_those_of_the_last_pretraining_epoch_of_the_config(tmp_path: Path) -> None:
    text = CONFIG.read_text(encoding="utf-8")
    assert "\nmax_epochs = 31\n" in text
    assert pretrained_weights() == PRETRAIN / "model30.bin"
    variant = tmp_path / "variant.cfg"
    variant.write_text(text.replace("\nmax_epochs = 31\n", "\nmax_epochs = 6\n"), encoding="utf-8")
    assert pretrained_weights(variant, tmp_path) == tmp_path / "model5.bin"
    # a pretraining run given more epochs on the command line: its last epoch, not the config's
    assert pretrained_weights(overrides={"pretraining.max_epochs": 61}) == PRETRAIN / "model60.bin"


def test_train_reads_the_config_and_the_weights_folder_it_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import training.ud.__main__ as recipe

    calls: list[dict[str, object]] = []

    def fake_train(output: Path, **settings: object) -> Path:
        calls.append({"output": output, **settings})
        return output / "model-best"

    monkeypatch.setattr(recipe, "train", fake_train)
    variant, weights, output = tmp_path / "variant.cfg", tmp_path / "weights", tmp_path / "out"
    assert main(["train", "--config", str(variant), "--pretrained", str(weights), "--output", str(output)]) == 0
    assert calls == [{"output": output, "overrides": {}, "all_docs": False, "config": variant, "pretrained": weights}]
    main(["train", "--all", "training.max_steps=10"])
    assert calls[1]["all_docs"] is True and calls[1]["config"] == CONFIG and calls[1]["pretrained"] == PRETRAIN
    assert calls[1]["overrides"] == {"training.max_steps": 10}
