"""The cycle collector's pause for bulk work: always restored, nesting-safe."""

from __future__ import annotations

import gc

import pytest

from infoint.bulk import paused_gc


def test_pauses_and_restores():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_after_an_error():
    with pytest.raises(ValueError):
        with paused_gc():
            raise ValueError("boom")
    assert gc.isenabled()


def test_nested_uses_restore_only_at_the_end():
    with paused_gc():
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_as_a_decorator_and_when_already_disabled():
    @paused_gc()
    def work():
        return gc.isenabled()

    assert work() is False and gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # it was off before: left off
    finally:
        gc.enable()
