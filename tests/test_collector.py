"""The garbage-collector policy: data built to last is frozen, the collector comes back on."""

from __future__ import annotations

import gc

import pytest

from explorer.collector import building_long_lived


def test_what_is_built_is_frozen_and_the_collector_runs_again() -> None:
    frozen_before = gc.get_freeze_count()
    with building_long_lived():
        assert not gc.isenabled()  # no walk of half-built data
        kept = [{"role": n} for n in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen_before + len(kept)
    gc.unfreeze()


def test_the_collector_is_left_as_the_caller_had_it() -> None:
    gc.disable()
    try:
        with building_long_lived():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_a_failure_inside_does_not_leave_the_collector_off() -> None:
    with pytest.raises(ValueError), building_long_lived():
        raise ValueError("bad content")
    assert gc.isenabled()
    gc.unfreeze()
