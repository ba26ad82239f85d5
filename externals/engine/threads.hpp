// The engine's threads against the host's: scheduling, signals, and libtorch's thread pools.
#pragma once

namespace brave {

// libtorch's intra-op thread count is per thread with OpenMP (omp_set_num_threads sets the
// calling thread's value): the engine's own threads apply the process-wide setting before each
// job, or a fresh thread would run every call with one OpenMP thread per core, spinning against
// the others. `applied`: what this thread applied last.
void apply_threads(int &applied);

// Scheduling. The host's audio thread may run at real-time priority (Pd does where allowed) and
// threads inherit their creator's policy. A loader that inherited it would take a core at
// real-time priority for seconds while it builds a model (and trip the kernel's real-time
// throttling, which then stalls the audio thread too): it runs as a normal thread. Workers run
// just below the audio thread, round-robin among themselves, so that the audio thread always
// wins its core and no worker starves another.
void note_audio_thread();                  // called from the audio thread (and the DSP setup)
void apply_worker_sched(int &applied_gen); // a worker, before its jobs
void run_as_normal_thread();               // the loader

// Signals sent to the host process go to any thread that does not block them: the engine's
// threads block them, so that no handler runs in the middle of a model call. Pd's watchdog sends
// SIGHUP while Pd runs at real-time priority and misses its pings, and Pd's handler sleeps 30 ms:
// in a worker, that is a 30 ms call.
void block_host_signals();

}  // namespace brave
