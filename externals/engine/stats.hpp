// A runner's statistics, without libtorch and without locks: every field has exactly one writing
// thread, named beside it, so that plain relaxed load + store is enough and no counter ever
// needs a read-modify-write shared between threads. The control side never writes them, not
// even to clear them: 'stats reset' takes a snapshot (StatsZero) that later reads subtract.
#pragma once

#include <algorithm>
#include <atomic>
#include <cmath>

#include "engine.hpp"

namespace brave {

// A value with one writing thread; any thread may read it.
template <typename T>
class Owned {
public:
    T get() const { return v_.load(std::memory_order_relaxed); }
    void set(T v) { v_.store(v, std::memory_order_relaxed); }
    void add(T v) { set(get() + v); }
    void raise_to(T v) {
        if (v > get()) set(v);
    }

private:
    std::atomic<T> v_{T()};
};

// Call times, 8 bins per octave from 1 us: percentiles without storing every call, and without
// allocating. One writer (the model's caller); a reader subtracts a snapshot of the bins to
// see only the calls since it was taken.
class CallTimes {
public:
    static constexpr int kBins = 8 * 25;  // 1 us .. 33 s
    void add(double ms) {
        double us = std::max(1.0, ms * 1000.0);
        int b = std::min(kBins - 1, (int)(8.0 * std::log2(us)));
        bins_[b].add(1);
    }
    long bin(int i) const { return bins_[i].get(); }
    // The q-quantile (0..1) in ms, at the geometric middle of its bin, of the calls counted
    // since `zero` (a copy of the bins); 0 without calls.
    double quantile(double q, const long *zero) const {
        long total = 0;
        for (int i = 0; i < kBins; i++) total += bin(i) - zero[i];
        if (total == 0) return 0;
        long want = std::max(1L, (long)std::ceil(q * total)), seen = 0;
        for (int i = 0; i < kBins; i++) {
            seen += bin(i) - zero[i];
            if (seen >= want) return std::exp2((i + 0.5) / 8.0) / 1000.0;
        }
        return std::exp2(kBins / 8.0) / 1000.0;
    }

private:
    Owned<long> bins_[kBins];
};

// Written by the thread that calls the model: the worker in worker mode, perform's (the audio
// thread) in synchronous mode. Never both at once: in synchronous mode perform calls the model
// only once the worker is idle (a job left from worker mode is silence instead).
struct CallStats {
    Owned<long> calls;                 // model calls that ran (warm-up calls not counted)
    Owned<long> errors;                // calls that failed (silence for that buffer)
    Owned<long> nonfinite;             // NaN / inf samples returned (their buffers: silence)
    Owned<double> total_ms;            // compute time of every call, summed
    Owned<double> max_ms;              // the longest call since the clear numbered max_epoch
    Owned<long> max_epoch;             // the clear (RunStats::clears) max_ms dates from
    CallTimes times;
};

// Written by perform (the audio thread).
struct StreamStats {
    Owned<long> overruns;              // synchronous calls slower than their buffer lasts, and
                                       // worker results that came late
    Owned<long> late;                  // worker mode: buffers output as silence
    Owned<double> behind_ms;           // summed excess of slow calls plus the late buffers' silence
};

// The control side's snapshot at the last clear: a read reports what came after it.
struct StatsZero {
    long calls = 0, errors = 0, nonfinite = 0, overruns = 0, late = 0;
    double total_ms = 0, behind_ms = 0;
    long bins[CallTimes::kBins] = {};
};

struct RunStats {
    CallStats call;                    // the model's caller
    StreamStats stream;                // perform
    Owned<long> clears;                // the control side: 'stats reset' so far
    StatsZero zero;                    // the control side: the snapshot at the last clear

    // One call of `ms` by the model's caller; the first after a clear starts a new maximum.
    void record_call(double ms) {
        call.calls.add(1);
        call.total_ms.add(ms);
        call.times.add(ms);
        long c = clears.get();
        if (call.max_epoch.get() != c) {
            call.max_ms.set(ms);
            call.max_epoch.set(c);
        } else {
            call.max_ms.raise_to(ms);
        }
    }

    // Control side: what came after the last clear, in the host's terms.
    Stats since_clear(double buffer_ms) const {
        Stats s;
        s.calls = call.calls.get() - zero.calls;
        s.overruns = stream.overruns.get() - zero.overruns;
        s.late = stream.late.get() - zero.late;
        s.errors = call.errors.get() - zero.errors;
        s.nonfinite = call.nonfinite.get() - zero.nonfinite;
        s.mean_ms = s.calls > 0 ? (call.total_ms.get() - zero.total_ms) / s.calls : 0;
        s.max_ms = call.max_epoch.get() == clears.get() ? call.max_ms.get() : 0;
        s.median_ms = call.times.quantile(0.5, zero.bins);
        s.p99_ms = call.times.quantile(0.99, zero.bins);
        s.behind_ms = stream.behind_ms.get() - zero.behind_ms;
        s.buffer_ms = buffer_ms;
        return s;
    }

    // Control side ('stats reset'): the snapshot that later reads subtract.
    void clear() {
        zero.calls = call.calls.get();
        zero.errors = call.errors.get();
        zero.nonfinite = call.nonfinite.get();
        zero.total_ms = call.total_ms.get();
        zero.overruns = stream.overruns.get();
        zero.late = stream.late.get();
        zero.behind_ms = stream.behind_ms.get();
        for (int i = 0; i < CallTimes::kBins; i++) zero.bins[i] = call.times.bin(i);
        clears.add(1);
    }
};

}  // namespace brave
