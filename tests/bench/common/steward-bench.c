/* steward-bench.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-bench.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A "Field:   1234 kB" line of /proc/self/status. */
static guint64
read_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  gsize            field_len = strlen (field);
  const char      *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;

  for (line = status; line != NULL && *line != '\0';)
    {
      const char *next = strchr (line, '\n');

      if (strncmp (line, field, field_len) == 0 && line[field_len] == ':')
        return g_ascii_strtoull (line + field_len + 1, NULL, 10);

      line = next != NULL ? next + 1 : NULL;
    }

  return 0;
}

guint64
steward_bench_rss_kb (void)
{
  return read_status_kb ("VmRSS");
}

guint64
steward_bench_peak_rss_kb (void)
{
  return read_status_kb ("VmHWM");
}

gboolean
steward_bench_reset_peak_rss (void)
{
  int      fd;
  gboolean written;

  /* proc(5): writing 5 to clear_refs resets VmHWM to the current RSS. A
   * plain write, because g_file_set_contents() would replace the file. */
  fd = open ("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
  if (fd < 0)
    return FALSE;

  written = write (fd, "5", 1) == 1;
  close (fd);

  return written;
}

double
steward_bench_kb_to_mb (guint64 kb)
{
  return (double) kb * 1024.0 / 1e6;
}

double
steward_bench_seconds_since (gint64 start_us)
{
  return (double) (g_get_monotonic_time () - start_us) / G_USEC_PER_SEC;
}

void
steward_bench_fail (const char *format,
                    ...)
{
  va_list          args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", g_get_prgname (), message);
  exit (EXIT_FAILURE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1
                            : 0;
}

double
steward_bench_median (GArray *samples)
{
  g_return_val_if_fail (samples != NULL && samples->len > 0, 0.0);

  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

void
steward_bench_store_result_cb (GObject      *source,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

GAsyncResult *
steward_bench_wait_for (GAsyncResult **slot,
                        guint          seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        steward_bench_fail ("no answer within %u s", seconds);
      g_main_context_iteration (NULL, TRUE);
    }
  return *slot;
}
