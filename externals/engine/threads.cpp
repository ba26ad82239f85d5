// The engine's threads (threads.hpp) and the process-wide libtorch settings (engine.hpp).
#include "threads.hpp"

#include "engine.hpp"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <torch/version.h>

#include <pthread.h>
#include <sched.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace brave {

namespace {
std::atomic<int> g_threads{1};
std::atomic<int> g_audio_policy{SCHED_OTHER}, g_audio_prio{0}, g_sched_gen{0};
}  // namespace

const char *torch_version() { return TORCH_VERSION; }

int machine_cores() {
    unsigned n = std::thread::hardware_concurrency();
    return n ? (int)n : 1;
}

void apply_threads(int &applied) {
    int want = g_threads.load();
    if (applied == want) return;
    try {
        at::set_num_threads(want);
    } catch (const std::exception &) {
    }
    applied = want;
}

int set_torch_threads(int n, Event &why) {
    why = Event{};
    int cores = machine_cores();
    if (n > cores) {
        why.code = Code::ThreadsClamped;
        why.count = cores;
        n = cores;
    }
    try {
        at::set_num_threads(n);
    } catch (const std::exception &e) {
        why.code = Code::ThreadsFailed;
        why.detail = e.what();
        return 0;
    }
    g_threads.store(n);
    return n;
}

void init_torch_threads() {
    g_threads.store(1);
    try {
        at::set_num_threads(1);
        at::set_num_interop_threads(1);
    } catch (const std::exception &) {
        // the inter-op pool is already running (another libtorch user in this process): keep it
    }
}

void reseed(uint64_t seed) {
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_current_seed(seed);
}

void note_audio_thread() {
    int policy = SCHED_OTHER;
    sched_param p{};
    if (pthread_getschedparam(pthread_self(), &policy, &p) != 0) return;
    if (policy != g_audio_policy.load() || p.sched_priority != g_audio_prio.load()) {
        g_audio_policy.store(policy);
        g_audio_prio.store(p.sched_priority);
        g_sched_gen.fetch_add(1);
    }
}

void apply_worker_sched(int &applied_gen) {
    int gen = g_sched_gen.load();
    if (gen == applied_gen) return;
    applied_gen = gen;
    int policy = g_audio_policy.load();
    sched_param p{};
    if (policy == SCHED_FIFO || policy == SCHED_RR) {
        p.sched_priority = std::max(sched_get_priority_min(SCHED_RR), g_audio_prio.load() - 1);
        pthread_setschedparam(pthread_self(), SCHED_RR, &p);  // refused without the right: keep as is
    } else {
        pthread_setschedparam(pthread_self(), SCHED_OTHER, &p);
    }
}

void run_as_normal_thread() {
    sched_param p{};
    pthread_setschedparam(pthread_self(), SCHED_OTHER, &p);
}

void block_host_signals() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGALRM, SIGUSR1, SIGUSR2, SIGCHLD, SIGPIPE, SIGIO})
        sigaddset(&set, sig);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

}  // namespace brave
