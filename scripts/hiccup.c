// How long this machine takes a running thread away from it: spin on the clock for SECONDS and
// report the gaps between consecutive reads (at SCHED_FIFO when allowed, as Pd and JACK run).
//   gcc -O2 -o build/hiccup scripts/hiccup.c -lpthread && build/hiccup 60
// A gap is time no model call can use: a call that takes 1 ms in a loop takes 1 ms + the gap.
// It spins 2 ms then sleeps 1 ms, as an audio thread works and waits: a real-time thread that
// never sleeps is throttled by the kernel (sched_rt_runtime_us: 50 ms of every second).
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec * 1e-6;
}

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 60;
    struct sched_param p = {.sched_priority = 70};
    int rt = pthread_setschedparam(pthread_self(), SCHED_FIFO, &p) == 0;
    long over[6] = {0};  // gaps > 0.1, 0.5, 1, 2, 5, 10 ms
    const double edges[6] = {0.1, 0.5, 1, 2, 5, 10};
    double start = now_ms(), last = start, worst = 0;
    const struct timespec rest = {0, 1000000};
    while (last - start < seconds * 1e3) {
        double burst_end = last + 2.0;
        while (last < burst_end) {
            double t = now_ms(), gap = t - last;
            if (gap > worst) worst = gap;
            for (int i = 0; i < 6; i++)
                if (gap > edges[i]) over[i]++;
            last = t;
        }
        nanosleep(&rest, NULL);
        last = now_ms();
    }
    printf("%s, %.0f s: worst gap %.3f ms; gaps > 0.1/0.5/1/2/5/10 ms: %ld %ld %ld %ld %ld %ld\n",
           rt ? "SCHED_FIFO" : "SCHED_OTHER", seconds, worst, over[0], over[1], over[2], over[3], over[4], over[5]);
    return 0;
}
