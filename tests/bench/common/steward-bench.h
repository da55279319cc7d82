/* steward-bench.h
 *
 * What the benchmark programs under tests/bench/api and tests/bench/model
 * share: this process's resident set size and its peak, read from
 * /proc/self/status, a way to restart the peak so it covers one phase of a
 * benchmark, elapsed time, waiting for an async call, and how a benchmark
 * gives up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* VmRSS: the resident set size now, in kB (0 when unreadable). */
guint64 steward_bench_rss_kb (void);

/* VmHWM: the peak resident set size, in kB (0 when unreadable). */
guint64 steward_bench_peak_rss_kb (void);

/* Makes the peak start again from the current resident set size, so the
 * next steward_bench_peak_rss_kb() covers only what happened after this
 * call. Returns FALSE when the kernel refused; the peak then still covers
 * the whole life of the process. */
gboolean steward_bench_reset_peak_rss (void);

/* @kb (the kernel's kB, 1024 bytes) in MB of 10^6 bytes, the unit the
 * targets are stated in. */
double steward_bench_kb_to_mb (guint64 kb);

/* Seconds since @start_us, a g_get_monotonic_time() reading. */
double steward_bench_seconds_since (gint64 start_us);

/* The median of @samples (doubles; sorts them in place). */
double steward_bench_median (GArray *samples);

/* A GAsyncReadyCallback that keeps the result in the GAsyncResult *
 * @user_data points to, for steward_bench_wait_for(). */
void steward_bench_store_result_cb (GObject      *source,
                                    GAsyncResult *result,
                                    gpointer      user_data);

/* Iterates the default main context until @slot holds a result (then
 * returns it, still owned by @slot); fails the benchmark after @seconds. */
GAsyncResult *steward_bench_wait_for (GAsyncResult **slot,
                                      guint          seconds);

/* Prints "PROGRAM: MESSAGE" on stderr and exits with 1: the benchmark
 * could not measure what it is for. */
void steward_bench_fail (const char *format,
                         ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

G_END_DECLS
