// The stream's tests (externals/engine/fifo.hpp), without libtorch and without a model: the model
// call is a fake that returns its input, fed a ramp (input sample t holds t + 1), so every output
// sample says which input sample it carries (0: silence). Run by CTest (externals/CMakeLists.txt):
//   fifo_test CASES_FILE [TEST_NAME]
// CASES_FILE (tests/engine/fifo_cases.txt) holds, per case, what brave_export/latency/host.py's
// simulation of brave~ outputs; tests/test_fifo.py writes it from host.py and runs this program.
// Every worker-mode block runs under an allocation counter: the audio side must not allocate.

#include "../../externals/engine/fifo.hpp"
#include "harness.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

// The fake model: its output is its input (a ratio > 1 keeps the collected steps as they are).
struct Echo {
    brave::Shape shape;
    std::vector<float> in;
    long calls = 0, resets = 0;
    explicit Echo(const brave::Shape &s) : shape(s), in(s.in_size(), 0.f) {}
    void take(const float *input) { std::memcpy(in.data(), input, sizeof(float) * in.size()); }
    const float *run(bool reset_first, double &ms) {
        calls++;
        resets += reset_first;
        ms = 0;
        return in.data();
    }
};

// A stream with its owner's parts (statistics, doorbell), its fake model and, in worker mode,
// a worker thread as the engine's runner has one.
struct Rig {
    brave::StreamStats stats;
    std::atomic<bool> doorbell{false};
    brave::Stream stream;
    Echo echo;
    std::thread worker;
    long allocs = 0;

    Rig(const brave::Shape &s, int block, bool worker_mode, int lookahead, bool start_worker = true)
        : stream(s, stats, doorbell), echo(s) {
        stream.prepare(block, 44100, worker_mode, lookahead);
        if (worker_mode && start_worker) {
            worker = std::thread([this] {
                while (stream.ring().wait_for_work()) stream.ring().run_pending(echo);
            });
            stream.ring().set_has_worker(true);
        }
    }
    ~Rig() {
        if (!worker.joinable()) return;
        stream.ring().quit();
        worker.join();
    }
    // One block of `block` samples of in from `from`, into out; waits for the worker (offline).
    bool block(const std::vector<float> &in, std::vector<float> &out, long from, int n, brave::Stream *draining = nullptr,
               bool wait = true, brave::Deadline deadline = {}) {
        const float *ins[1] = {in.data() + from};
        float *outs[1] = {out.data() + from};
        g_allocs = 0;
        g_counting = stream.worker();
        bool drained = stream.process(ins, outs, 1, n, echo, draining, wait, deadline);
        g_counting = false;
        allocs += g_allocs;
        return drained;
    }
};

static std::vector<float> ramp(long n) {
    std::vector<float> v(n);
    for (long t = 0; t < n; t++) v[t] = (float)(t + 1);
    return v;
}

// ------------------------------------------------------------------- the cases from host.py

// One case of fifo_cases.txt: a stream and, for each output sample, the input sample it carries
// (-1: silence), as runs: output [at, at + count) carries input [src, src + count), or silence.
struct Case {
    int buffer = 0, block = 0, worker = 0, lookahead = 1;
    long delay = 0, samples = 0;
    struct Run {
        long at, count, src;
    };
    std::vector<Run> runs;
};

static bool read_cases(const char *path, std::vector<Case> &cases) {
    std::ifstream f(path);
    if (!f) return false;
    std::string line;
    while (std::getline(f, line)) {
        std::istringstream ss(line);
        std::string word;
        if (!(ss >> word) || word[0] == '#') continue;
        if (word == "case") {
            Case c;
            ss >> c.buffer >> c.block >> c.worker >> c.lookahead >> c.delay >> c.samples;
            cases.push_back(c);
        } else if (word == "run" && !cases.empty()) {
            Case::Run r;
            ss >> r.at >> r.count >> r.src;
            cases.back().runs.push_back(r);
        }
    }
    return !cases.empty();
}

static std::vector<Case> g_cases;

// Every case: the stream's output sample for sample as host.py's simulation says, and the
// delay both name (brave::added_latency mirrors brave_export.hosts.brave_latency).
static void test_cases() {
    CHECK(!g_cases.empty(), "no cases read");
    for (const Case &c : g_cases) {
        bool worker = c.worker != 0;
        int added = brave::added_latency(c.buffer, c.block, worker, c.lookahead);
        CHECK(added == c.delay, "buffer %d block %d %s K %d: added_latency %d, host.py %ld", c.buffer, c.block,
              worker ? "worker" : "sync", c.lookahead, added, c.delay);
        brave::Shape s;
        s.buffer = c.buffer;
        Rig rig(s, c.block, worker, c.lookahead);
        CHECK(rig.stream.latency() == c.delay, "head start %d, host.py %ld", rig.stream.latency(), c.delay);
        auto in = ramp(c.samples);
        std::vector<float> out(c.samples, -1.f);
        for (long k = 0; k + c.block <= c.samples; k += c.block) rig.block(in, out, k, c.block);
        long covered = 0;
        for (const Case::Run &r : c.runs) {
            for (long t = r.at; t < r.at + r.count; t++) {
                float want = r.src < 0 ? 0.f : (float)(r.src + (t - r.at) + 1);
                CHECK(out[t] == want, "buffer %d block %d %s K %d: output %ld carries input %ld, host.py says %ld",
                      c.buffer, c.block, worker ? "worker" : "sync", c.lookahead, t, (long)out[t] - 1,
                      r.src < 0 ? -1 : r.src + (t - r.at));
            }
            covered += r.count;
        }
        CHECK(covered == c.samples, "the runs cover %ld of %ld samples", covered, c.samples);
        CHECK(rig.stats.late.get() == 0, "%ld late buffers", rig.stats.late.get());
        CHECK(rig.allocs == 0, "worker mode allocated %ld times", rig.allocs);
    }
    std::printf("  %zu cases agree with host.py\n", g_cases.size());
}

// ------------------------------------------------------------------------ the stream's rules

// Ratios: the model sees one input sample in every in_ratio (the first of each), and each of
// its output steps holds for out_ratio samples.
static void test_ratios() {
    brave::Shape s;
    s.buffer = 128;
    s.in_ratio = 4;
    s.out_ratio = 4;
    Rig rig(s, 64, false, 1);
    auto in = ramp(64 * 40);
    std::vector<float> out(in.size(), 0.f);
    for (long k = 0; k + 64 <= (long)in.size(); k += 64) rig.block(in, out, k, 64);
    long L = brave::added_latency(128, 64, false);
    for (long t = L; t < (long)out.size(); t++) {
        long src = (t - L) / 4 * 4;
        CHECK(out[t] == in[src], "output %ld: %g, want input %ld", t, out[t], src);
    }
}

// A second stream continues the first's (a model switch with the same buffering): no silence,
// no repeat; in worker mode the first stream's jobs in flight are taken from it until drained.
static void test_take_over() {
    for (bool worker : {false, true})
        for (int k : {1, 3}) {
            brave::Shape s;
            s.buffer = 128;
            auto a = std::make_unique<Rig>(s, 64, worker, k);
            Rig b(s, 64, worker, k);
            auto in = ramp(64 * 200);
            std::vector<float> out(in.size(), 0.f);
            long t = 0;
            for (; t < 64 * 45; t += 64) a->block(in, out, t, 64);  // the switch lands mid-buffer
            CHECK(b.stream.can_continue(a->stream, 64, worker), "cannot continue");
            b.stream.take_over(a->stream);
            bool drained = !(worker && a->stream.has_jobs_in_flight());
            for (; t + 64 <= (long)in.size(); t += 64) {
                if (b.block(in, out, t, 64, drained ? nullptr : &a->stream)) drained = true;
            }
            CHECK(drained, "the first stream never drained");
            long L = brave::added_latency(128, 64, worker, k);
            for (long u = 0; u < (long)out.size(); u++) {
                float want = u >= L ? in[u - L] : 0.f;
                CHECK(out[u] == want, "%s K %d: output %ld is %g, want %g", worker ? "worker" : "sync", k, u, out[u],
                      want);
            }
            CHECK(b.stats.late.get() == 0 && a->stats.late.get() == 0, "late buffers");
        }
}

// A worker that never answers, the host not waiting: each due result is silence, counted late
// (as an overrun too), and perform goes on.
static void test_late() {
    brave::Shape s;
    s.buffer = 128;
    Rig rig(s, 64, true, 2, /*start_worker=*/false);
    rig.stream.ring().set_has_worker(true);  // it says it runs, but nothing takes the jobs
    auto in = ramp(64 * 40);
    std::vector<float> out(in.size(), 1.f);
    for (long k = 0; k + 64 <= (long)in.size(); k += 64) rig.block(in, out, k, 64, nullptr, false);
    long jobs = (long)in.size() / 128, due = jobs - 2;
    for (float v : out) CHECK(v == 0.f, "a sample %g without a worker", v);
    CHECK(rig.stats.late.get() == due && rig.stats.overruns.get() == due, "late %ld overruns %ld, %ld due",
          rig.stats.late.get(), rig.stats.overruns.get(), due);
    CHECK(rig.doorbell.load(), "the host was not told");
}

// Resets: the stream restarts (the head start again, from the next block), the model's state
// is zeroed before the next call; a second reset within one buffer is merged.
static void test_reset() {
    for (bool worker : {false, true}) {
        brave::Shape s;
        s.buffer = 128;
        Rig rig(s, 64, worker, 1);
        auto in = ramp(64 * 60);
        std::vector<float> out(in.size(), 0.f);
        long at = 64 * 20;
        for (long k = 0; k + 64 <= (long)in.size(); k += 64) {
            if (k == at) {
                CHECK(rig.stream.ask_reset(), "the first reset did not restart");
                CHECK(!rig.stream.ask_reset(), "a second reset within one buffer restarted");
            }
            rig.block(in, out, k, 64);
        }
        long L = brave::added_latency(128, 64, worker);
        for (long t = at; t < (long)out.size(); t++) {
            float want = t - at >= L ? in[t - L] : 0.f;
            CHECK(out[t] == want, "%s: output %ld is %g, want %g", worker ? "worker" : "sync", t, out[t], want);
        }
        CHECK(rig.echo.resets == 1, "%ld model resets", rig.echo.resets);
    }
}

// Worker to synchronous and back while the stream runs: each switch restarts the stream in the
// new mode's head start.
static void test_mode_switch() {
    brave::Shape s;
    s.buffer = 128;
    Rig rig(s, 64, true, 1);
    auto in = ramp(64 * 80);
    std::vector<float> out(in.size(), 0.f);
    long s1 = 64 * 30, s2 = 64 * 55;
    for (long k = 0; k + 64 <= (long)in.size(); k += 64) {
        if (k == s1) CHECK(rig.stream.switch_mode(false), "no restart");
        if (k == s2) CHECK(rig.stream.switch_mode(true), "no restart");
        rig.block(in, out, k, 64);
    }
    long lw = brave::added_latency(128, 64, true), ls = brave::added_latency(128, 64, false);
    for (long t = 0; t < (long)out.size(); t++) {
        long from = t < s1 ? 0 : t < s2 ? s1 : s2, L = t >= s1 && t < s2 ? ls : lw;
        float want = t - from >= L ? in[t - L] : 0.f;
        CHECK(out[t] == want, "output %ld is %g, want %g", t, out[t], want);
    }
}

int main(int argc, char **argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: fifo_test CASES_FILE [TEST]\n");
        return 2;
    }
    if (!read_cases(argv[1], g_cases)) std::printf("cannot read cases from %s\n", argv[1]);
    const Test tests[] = {{"cases", test_cases}, {"ratios", test_ratios}, {"take_over", test_take_over},
                 {"late", test_late}, {"reset", test_reset}, {"mode_switch", test_mode_switch}};
    return run_tests(tests, argc > 2 ? argv[2] : nullptr);
}
