/* fuzz-json-codec-corpus.c
 *
 * Runs the fuzz target over the seed corpus in ordinary builds, so CI
 * exercises it without clang: every file whole, every prefix of it (a reply
 * cut off anywhere) and every single-byte change to a few characters that
 * matter to JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-json-codec.h"

#include <gio/gio.h>

static const char replacements[] = { '\0', '"', '{', ']', ',', '-', 'n', '\\' };

static void
run_file (gconstpointer data)
{
  const char      *path = data;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);

  for (gsize cut = 0; cut < length; cut++)
    LLVMFuzzerTestOneInput ((const uint8_t *) contents, cut);

  for (gsize at = 0; at < length; at++)
    {
      char original = contents[at];

      for (guint r = 0; r < G_N_ELEMENTS (replacements); r++)
        {
          contents[at] = replacements[r];
          LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
        }
      contents[at] = original;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  const char *corpus;
  const char *name;

  g_test_init (&argc, &argv, NULL);

  /* The corpus directory is the one argument g_test_init() leaves. */
  if (argc != 2)
    g_error ("Usage: %s CORPUS-DIRECTORY", argv[0]);
  corpus = argv[1];
  dir = g_dir_open (corpus, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (paths, g_build_filename (corpus, name, NULL));
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (paths->len, >, 0);

  for (guint i = 0; i < paths->len; i++)
    {
      const char      *path = g_ptr_array_index (paths, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *test_path = g_strconcat ("/api/fuzz-corpus/", base, NULL);

      g_test_add_data_func (test_path, path, run_file);
    }

  return g_test_run ();
}
