"""A user's script outside the repository sees nlp_report's types after the README's install."""

from __future__ import annotations

import importlib.util

import pytest

from tests.usertypes.check_user_types import check


@pytest.mark.slow
def test_user_script_outside_the_tree_is_type_checked() -> None:
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (it comes with the dev extra)")
    missing, extra, output = check()
    assert not missing, f"intended errors not reported (types invisible?):\n{output}"
    assert not extra, f"unexpected errors:\n{output}"
