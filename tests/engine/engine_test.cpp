// Engine tests without Pd: drive brave::Engine as a host would and check what comes out sample
// for sample. Run by CTest (externals/CMakeLists.txt) with the folder make_models.py wrote:
//   engine_test MODELS_DIR [TEST_NAME]
// Every perform() of the worker path runs under an allocation counter (operator new replaced
// below, counting on the audio thread only): the audio side must not allocate.
//
// ThreadSanitizer (not built by default: a TSan build of the engine takes minutes), T = the
// torch package folder; latency_exact, switch, worker_late, mode_switch and reset ran clean (before the engine was split into files; not rerun since):
//   g++ -std=c++17 -O1 -g -fsanitize=thread -D_GLIBCXX_USE_CXX11_ABI=0 -I$T/include \
//     -I$T/include/torch/csrc/api/include externals/engine/*.cpp tests/engine/engine_test.cpp \
//     -o engine_test_tsan -L$T/lib -Wl,-rpath,$T/lib -ltorch_cpu -lc10 -lpthread
//   ./engine_test_tsan build/external/engine-test-models switch

#include "../../externals/engine/engine.hpp"
#include "harness.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <new>
#include <random>
#include <string>
#include <thread>
#include <vector>

// ---------------------------------------------------------------------------------- helpers

static std::string g_dir;

static std::string model(const char *name) { return g_dir + "/" + name; }

static std::vector<float> noise(size_t n, unsigned seed = 1) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-0.9f, 0.9f);
    std::vector<float> v(n);
    for (auto &x : v) x = u(rng);
    return v;
}

struct Host {  // a 1-in 1-out host: runs blocks of `block` samples through the engine
    brave::Engine engine{1, 1};
    int block;
    long allocs = 0;                   // allocations counted during perform
    double max_perform_ms = 0;
    bool paced = false;                // blocks come in real time, perform may wait half a block
    explicit Host(int b, bool worker = false, bool wait = true, int lookahead = 0) : block(b) {
        engine.set_worker(worker);
        engine.set_wait(wait);
        engine.set_lookahead(lookahead);
        engine.set_block(b, 44100);
    }
    bool load(const char *name, int buffer, std::string *err_out = nullptr) {
        brave::Request r;
        r.path = model(name);
        r.buffer = buffer;
        std::string err;
        std::vector<std::string> warnings;
        bool ok = engine.load(r, err, warnings);
        if (err_out) *err_out = err;
        if (!ok && !err_out) std::printf("  load %s: %s\n", name, err.c_str());
        return ok;
    }
    // Runs `in` through, block by block; `between(k)` is called before block k.
    std::vector<float> run(const std::vector<float> &in, const std::function<void(size_t)> &between = nullptr) {
        std::vector<float> out(in.size(), 0.f), buf_in(block), buf_out(block);
        auto block_time = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(block / 44100.0));
        auto next = std::chrono::steady_clock::now();
        for (size_t k = 0; k + block <= in.size(); k += block) {
            if (between) between(k);
            std::chrono::steady_clock::time_point deadline{};
            if (paced) {  // as an audio callback would: one block per block of real time
                std::this_thread::sleep_until(next);
                next += block_time;
                deadline = std::chrono::steady_clock::now() + block_time / 2;
            }
            std::memcpy(buf_in.data(), in.data() + k, sizeof(float) * block);
            const float *ins[1] = {buf_in.data()};
            float *outs[1] = {buf_out.data()};
            auto t0 = std::chrono::steady_clock::now();
            g_allocs = 0;
            g_counting = true;
            engine.perform(ins, outs, block, deadline);
            g_counting = false;
            allocs += g_allocs;
            double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            if (ms > max_perform_ms) max_perform_ms = ms;
            std::memcpy(out.data() + k, buf_out.data(), sizeof(float) * block);
        }
        out.resize(in.size() / block * block);  // the blocks that ran
        return out;
    }
};

// out == in delayed by `lag` from sample `from` on (silence in [from, from + lag)); -1 when so,
// else the first sample that differs.
static long first_mismatch(const std::vector<float> &out, const std::vector<float> &in, long lag, long from = 0,
                           long to = -1) {
    if (to < 0) to = (long)out.size();
    for (long t = from; t < to; t++) {
        float want = t - lag >= from ? in[t - lag] : 0.f;
        if (out[t] != want) return t;
    }
    return -1;
}

// ------------------------------------------------------------------------------------- tests

static void test_formula() {
    CHECK(brave::added_latency(128, 64, false) == 64, "sync 128/64");
    CHECK(brave::added_latency(128, 256, false) == 0, "sync 128/256");
    CHECK(brave::added_latency(256, 96, false) == 224, "sync 256/96: 256 - gcd 32");
    CHECK(brave::added_latency(128, 64, true) == 192, "worker 128/64");
    CHECK(brave::added_latency(128, 256, true) == 128, "worker 128/256");
    CHECK(brave::added_latency(128, 64, true, 3) == 448, "worker 128/64 lookahead 3");
    CHECK(brave::auto_lookahead(128, 64, 64) == 1 && brave::auto_lookahead(128, 221, 64) == 3 &&
          brave::auto_lookahead(512, 221, 64) == 2 && brave::auto_lookahead(128, 111, 64) == 2 &&
          brave::auto_lookahead(128, 0, 64) == 1 && brave::auto_lookahead(128, 1 << 20, 64) == brave::kMaxLookahead,
          "auto_lookahead");
}

// Exact added latency for block/buffer pairs, both modes (worker mode waiting for the worker,
// as offline runs do); the probe37 model adds its own 37 samples.
static void test_latency_exact() {
    auto in = noise(44100 / 2);
    for (int k : {0, 1, 3})  // 0: synchronous; else worker mode with that lookahead
        for (int block : {64, 256, 96})
            for (int buffer : {128, 256})
                for (const char *m : {"probe.ts", "probe37.ts"}) {
                    bool worker = k > 0;
                    Host h(block, worker, true, k);
                    CHECK(h.load(m, buffer), "load");
                    auto out = h.run(in);
                    int added = brave::added_latency(buffer, block, worker, worker ? k : 1);
                    long lag = added + (m[5] == '3' ? 37 : 0);
                    long bad = first_mismatch(out, in, lag);
                    CHECK(bad < 0, "%s %s block %d buffer %d: not delayed by exactly %ld (first mismatch at %ld)",
                          m, worker ? "worker" : "sync", block, buffer, lag, bad);
                    CHECK(h.engine.latency() == added, "latency() %d, expected %d", h.engine.latency(), added);
                    if (worker) CHECK(h.allocs == 0, "worker mode perform allocated %ld times", h.allocs);
                }
}

// reset: the buffering restarts (L zeros) and the model's state is zeroed (D more zeros).
static void test_reset() {
    auto in = noise(44100 / 4, 2);
    for (bool worker : {false, true}) {
        Host h(64, worker);
        CHECK(h.load("probe37.ts", 128), "load");
        long s = 64 * 100;
        auto out = h.run(in, [&](size_t k) {
            if ((long)k == s) CHECK(h.engine.reset(), "reset() refused");
        });
        long lag = brave::added_latency(128, 64, worker) + 37;
        CHECK(first_mismatch(out, in, lag, 0, s) < 0, "before the reset");
        long bad = first_mismatch(out, in, lag, s);
        CHECK(bad < 0, "%s: after the reset at %ld: first mismatch at %ld", worker ? "worker" : "sync", s, bad);
    }
}

// reset every block: the resets merge, the model keeps running (its state zeroed before each call).
static void test_reset_every_block() {
    auto in = noise(44100 / 4, 3);
    Host h(64);
    CHECK(h.load("probe.ts", 128), "load");
    auto out = h.run(in, [&](size_t) { h.engine.reset(); });
    double energy = 0;
    for (float v : out) energy += v * v;
    CHECK(h.engine.stats().calls > 50, "only %ld calls", h.engine.stats().calls);
    CHECK(energy > 1, "silent output");
    CHECK(h.engine.merged_resets() > 50, "merged %ld", h.engine.merged_resets());
}

static void expect_error(const char *name, const char *want) {
    std::string err;
    std::vector<std::string> warnings;
    auto m = brave::load_model(model(name), err, warnings);
    CHECK(!m, "%s loaded", name);
    CHECK(err.find(want) != std::string::npos, "%s: '%s' not in '%s'", name, want, err.c_str());
    CHECK(err.find('\n') == std::string::npos, "%s: more than one line: '%s'", name, err.c_str());
    std::printf("  %s -> %s\n", name, err.c_str());
}

static void test_bad_models() {
    expect_error("missing.ts", "cannot open");
    expect_error("corrupt.ts", "is not a TorchScript file (not a zip archive)");
    expect_error("empty.ts", "is not a TorchScript file");
    expect_error("weights.ts", "is a torch.save() file");
    expect_error("newer.ts", "was written by torch 9.9.0 (its .json says): TorchScript file format version 11, but "
                             "libtorch 2.5.1 (bundled with brave~) reads versions up to 10");
    expect_error("unknown_op.ts", "uses 'aten::mul_by_nine', which libtorch 2.5.1 (bundled with brave~) does not know");
    expect_error("notnn.ts", "is not an nn~ model: it has forward() but no forward_params buffer");
    // a method the model lacks: the error lists the methods; the running model stays
    Host h(64);
    CHECK(h.load("probe.ts", 128), "load");
    brave::Request r;
    r.path = model("probe.ts");
    r.method = "forwrd";
    std::string err;
    std::vector<std::string> w;
    CHECK(!h.engine.load(r, err, w), "loaded a missing method");
    CHECK(err.find("has no method 'forwrd'; available: forward, encode, decode") != std::string::npos, "%s", err.c_str());
    CHECK(h.engine.method() && h.engine.method()->name == "forward", "the running method was dropped");
    r.method = "forward";
    r.buffer = brave::kMaxBuffer + 128;
    CHECK(!h.engine.load(r, err, w) && err.find("too large") != std::string::npos, "%s", err.c_str());
}

// NaN out of the model: silence, counted, said once.
static void test_nan() {
    Host h(64);
    CHECK(h.load("nan.ts", 128), "load");
    auto in = noise(44100 / 8, 4);
    auto out = h.run(in);
    for (float v : out) CHECK(v == 0.f, "non-silent or non-finite sample %g", v);
    CHECK(h.engine.stats().nonfinite == h.engine.stats().calls * 128, "nonfinite %ld", h.engine.stats().nonfinite);
    int said = 0;
    for (int i = 0; i < 3; i++)
        for (auto &e : h.engine.poll(true)) said += e.kind == brave::Event::NonFinite;
    CHECK(said == 1, "said %d times", said);
}

// A worker that cannot keep up, blocks coming in real time: silence for those buffers, counted;
// perform waits no longer than the host allows (half a block here), never for a whole call.
static void test_worker_late() {
    Host h(64, true, /*wait=*/false, 1);
    h.paced = true;
    CHECK(h.load("slow.ts", 128), "load");
    auto in = noise(64 * 200, 5);
    h.run(in);
    for (int i = 0; i < 100 && h.engine.stats().calls == 0; i++)  // the first call's duration
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    brave::Stats s = h.engine.stats();
    std::printf("  slow model: %.2f ms per call; %ld late of %ld buffers; longest perform %.3f ms\n", s.mean_ms, s.late,
                (long)(in.size() / 128), h.max_perform_ms);
    CHECK(s.calls > 0 && s.late > 0 && s.overruns >= s.late, "calls %ld late %ld overruns %ld", s.calls, s.late,
          s.overruns);
    CHECK(h.max_perform_ms < s.mean_ms, "perform waited: longest perform %.3f ms, a call %.3f ms", h.max_perform_ms,
          s.mean_ms);
    CHECK(h.allocs == 0, "perform allocated %ld times", h.allocs);
    bool warned = false;
    for (auto &e : h.engine.poll(true)) warned |= e.kind == brave::Event::Overload;
    CHECK(warned, "no overload warning");
}

// One slow call (a spike) in worker mode: the buffer whose result it delays is silence, but the
// next buffer is still handed to the worker and comes on time. The host waits for the worker
// before every block (a fast enough machine) except the two blocks where the marked buffer's
// result is due: exactly one buffer is silence, and the output goes on exactly.
static void test_spike() {
    Host h(64, true, /*wait=*/false, 1);
    CHECK(h.load("spike.ts", 128), "load");
    auto in = noise(64 * 400, 8);
    const long marked = 100;  // buffer 100 (job 101) asks for the slow call
    in[128 * marked] = 2.f;
    auto out = h.run(in, [&](size_t k) {
        long block = (long)k / 64, submitted = (long)k / 128;
        if (block == 2 * marked + 2 || block == 2 * marked + 3) return;  // job 101 runs; due in block 203
        for (int i = 0; i < 2000 && h.engine.stats().calls < submitted; i++)
            std::this_thread::sleep_for(std::chrono::microseconds(100));
    });
    brave::Stats s = h.engine.stats();
    long L = brave::added_latency(128, 64, true, 1);
    long silent = 0, first = -1;
    for (long t = L; t < (long)out.size(); t++)
        if (out[t] != in[t - L]) {
            silent++;
            if (first < 0) first = t;
        }
    std::printf("  spike of %.2f ms: %ld late, %ld samples silenced from %ld\n", s.max_ms, s.late, silent, first);
    CHECK(s.late == 1 && silent == 128 && first - L == 128 * marked, "late %ld, %ld samples silenced from input %ld",
          s.late, silent, first - L);
}

// A model switch while the stream runs: the old model plays until the swap, then the new one
// continues the same stream: no silence is inserted (the FIFO and the partly collected buffer
// carry over; in worker mode the old model's jobs in flight are still taken from it). The only
// zeros are the new probe's own: its 37-sample delay line starts empty. A failed load keeps the
// old one playing.
static void test_switch() {
    for (bool worker : {false, true}) {
        Host h(64, worker);
        CHECK(h.load("probe.ts", 128), "load");
        long L = brave::added_latency(128, 64, worker);
        auto in = noise(44100, 6);
        long swap_at = -1, failed_at = -1;
        bool asked = false, bad_asked = false;
        auto out = h.run(in, [&](size_t k) {
            if (k == 64 * 20) {
                brave::Request r;
                r.path = model("missing.ts");
                h.engine.load_async(r);
                bad_asked = true;
            }
            if (bad_asked && failed_at < 0) {
                for (auto &e : h.engine.poll(false))
                    if (e.kind == brave::Event::LoadFailed) failed_at = (long)k;
                std::this_thread::sleep_for(std::chrono::milliseconds(1));  // let the loader work
            }
            if (failed_at >= 0 && !asked) {
                brave::Request r;
                r.path = model("probe37.ts");
                h.engine.load_async(r);
                asked = true;
            } else if (asked && swap_at < 0) {
                const brave::ModelInfo *i = h.engine.info();
                for (auto &e : h.engine.poll(false)) (void)e;
                if (i && i->path.find("probe37") != std::string::npos) swap_at = (long)k;
                else std::this_thread::sleep_for(std::chrono::milliseconds(2));  // let the loader work
            }
        });
        CHECK(failed_at > 0, "the failed load was not reported");
        CHECK(swap_at > 0, "no swap");
        // the new model's first buffer starts at input sample P: its output from P + L on
        long t0 = first_mismatch(out, in, L);
        long P = t0 - L;
        CHECK(t0 > 0 && P % 128 == 0 && P <= swap_at + 128 && P + L >= swap_at - 128,
              "%s: the new model's output starts at %ld (input %ld), the swap was near %ld", worker ? "worker" : "sync", t0,
              P, swap_at);
        long zeros = 0, bad = -1;
        for (long t = t0; t < (long)out.size(); t++) {
            float want = t - L - 37 >= P ? in[t - L - 37] : 0.f;
            if (out[t] != want && bad < 0) bad = t;
            zeros += out[t] == 0.f;
        }
        CHECK(bad < 0, "%s: after the swap: first mismatch at %ld", worker ? "worker" : "sync", bad);
        CHECK(zeros == 37, "%s: %ld zeros after the swap (the probe's own 37 expected)", worker ? "worker" : "sync", zeros);
        std::printf("  %s: new model from input sample %ld, longest perform during the run %.3f ms (allocations in "
                    "perform: %ld)\n", worker ? "worker" : "sync", P, h.max_perform_ms, h.allocs);
    }
}

// thread 1 / thread 0 while the stream runs: the stream restarts in the new mode, exactly.
static void test_mode_switch() {
    auto in = noise(44100 / 4, 7);
    Host h(64, false, true);
    CHECK(h.load("probe.ts", 128), "load");
    long s1 = 64 * 50, s2 = 64 * 120;
    auto out = h.run(in, [&](size_t k) {
        if ((long)k == s1) h.engine.set_worker(true);
        if ((long)k == s2) h.engine.set_worker(false);
    });
    long ls = brave::added_latency(128, 64, false), lw = brave::added_latency(128, 64, true);
    CHECK(first_mismatch(out, in, ls, 0, s1) < 0, "sync part");
    long bad = first_mismatch(out, in, lw, s1, s2);
    CHECK(bad < 0, "worker part: first mismatch at %ld", bad);
    bad = first_mismatch(out, in, ls, s2);
    CHECK(bad < 0, "back to sync: first mismatch at %ld", bad);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: engine_test MODELS_DIR [TEST]\n");
        return 2;
    }
    g_dir = argv[1];
    const Test tests[] = {{"formula", test_formula},       {"latency_exact", test_latency_exact}, {"reset", test_reset},
                 {"reset_every_block", test_reset_every_block}, {"bad_models", test_bad_models}, {"nan", test_nan},
                 {"worker_late", test_worker_late}, {"spike", test_spike}, {"switch", test_switch}, {"mode_switch", test_mode_switch}};
    brave::init_torch_threads();
    return run_tests(tests, argc > 2 ? argv[2] : nullptr);
}
