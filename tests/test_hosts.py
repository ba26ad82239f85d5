"""brave_export.hosts: the one Python home of each host's buffering formula."""

import math

import pytest

from brave_export import hosts, latency, presets

pytestmark = pytest.mark.fast  # `make test-fast` runs these, less any marked slow (training run, Pd)


@pytest.mark.parametrize("buffer, block", [(128, 64), (128, 256), (256, 96), (2048, 64), (384, 256)])
def test_brave_latency_both_modes(buffer, block):
    sync = hosts.brave_latency(buffer, block)
    assert sync == buffer - math.gcd(buffer, block)
    assert hosts.brave_latency(buffer, block, worker=True) == sync + buffer
    with pytest.raises(ValueError):
        hosts.brave_latency(0, block)


def test_users_share_the_one_formula():
    assert presets.brave_latency is hosts.brave_latency
    assert latency.brave_latency is hosts.brave_latency


@pytest.mark.parametrize("worker", [False, True])
def test_simulated_host_delays_by_the_formula(worker):
    """latency.BraveHost with an identity model: output = input delayed by hosts.brave_latency."""
    import numpy as np

    x = np.random.default_rng(0).standard_normal((1, 4000)).astype(np.float32)
    host = latency.BraveHost(lambda b: b.copy(), 1, 1, 128, 64, worker=worker)
    y = host.run(x)
    lag = hosts.brave_latency(128, 64, worker)
    assert not y[0, :lag].any()
    np.testing.assert_array_equal(y[0, lag:], x[0, :-lag])


def test_power_of_two_helpers():
    assert [n for n in range(-4, 300) if hosts.is_power_of_two(n)] == [1 << k for k in range(9)]
    assert not hosts.is_power_of_two(True) and not hosts.is_power_of_two(64.0)
    # the least power of two at or above n: nn~'s buffer for a BUFFER that is not one
    assert [hosts.next_power_of_two(n) for n in (0, 1, 2, 3, 100, 128, 129)] == [1, 1, 2, 4, 128, 128, 256]


def test_brave_worker_lookahead():
    """Worker mode takes each result K buffers later: K x B on top of synchronous mode; the
    automatic K spans one burst of Pd's scheduler (mirrors brave::auto_lookahead)."""
    assert hosts.brave_latency(128, 64, worker=True, lookahead=3) == hosts.brave_latency(128, 64) + 3 * 128
    with pytest.raises(ValueError):
        hosts.brave_latency(128, 64, worker=True, lookahead=0)
    assert hosts.brave_auto_lookahead(128, 64) == 1       # an audio callback: one block per tick
    assert hosts.brave_auto_lookahead(128, 221) == 3      # -audiobuf 25: a 5 ms sleep grain
    assert hosts.brave_auto_lookahead(512, 221) == 2
    assert hosts.brave_auto_lookahead(128, 111) == 2      # -audiobuf 10: 2.5 ms
    assert hosts.brave_auto_lookahead(128, 1 << 20) == 16
