/* steward-server-main.c
 *
 * steward-server: the admin API of API.md on SQLite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "steward-demo.h"
#include "steward-server.h"
#include "steward-setup.h"

#define DEFAULT_LISTEN "127.0.0.1:8470"
#define DEFAULT_TOKEN_TTL 3600
#define MAX_TOKEN_TTL (30 * 24 * 3600)
#define MAX_DEMO_USERS 1000000

typedef struct
{
  char  *data_dir;
  char  *listen;
  int    demo;
  char **iams;
  int    token_ttl;
  char  *tls_certificate;
  char  *tls_key;
  char  *issue_api_key;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->data_dir);
  g_free (options->listen);
  g_strfreev (options->iams);
  g_free (options->tls_certificate);
  g_free (options->tls_key);
  g_free (options->issue_api_key);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse_options (Options *options,
               int     *argc,
               char  ***argv,
               GError **error)
{
  GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &options->data_dir, N_ ("Keep the database and the first administrator's key in DIR"), "DIR" },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &options->listen, N_ ("Listen on HOST:PORT (port 0 picks a free one; default 127.0.0.1:8470)"), "HOST:PORT" },
    { "demo", 0, 0, G_OPTION_ARG_INT, &options->demo, N_ ("On first start, add N demo users with sixty days of history"), "N" },
    { "iam", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->iams, N_ ("Add an identity manager (repeatable)"), "ID:DISPLAY_NAME" },
    { "token-ttl", 0, 0, G_OPTION_ARG_INT, &options->token_ttl, N_ ("Tokens expire after SECONDS (default 3600)"), "SECONDS" },
    { "tls-certificate", 0, 0, G_OPTION_ARG_FILENAME, &options->tls_certificate, N_ ("Serve HTTPS with this PEM certificate"), "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &options->tls_key, N_ ("The PEM private key of the certificate"), "FILE" },
    { "issue-api-key", 0, 0, G_OPTION_ARG_STRING, &options->issue_api_key, N_ ("Print a new API key for an existing user and exit"), "USERID" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);

  options->token_ttl = DEFAULT_TOKEN_TTL;
  g_option_context_set_summary (context, _ ("Serve the Steward admin API from an SQLite database."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  if (options->data_dir == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _ ("--data-dir is required"));
      return FALSE;
    }
  if (options->demo < 0 || options->demo > MAX_DEMO_USERS)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--demo takes 0 to %d users"), MAX_DEMO_USERS);
      return FALSE;
    }
  if (options->token_ttl < 1 || options->token_ttl > MAX_TOKEN_TTL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--token-ttl takes 1 to %d seconds"), MAX_TOKEN_TTL);
      return FALSE;
    }
  if ((options->tls_certificate == NULL) != (options->tls_key == NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--tls-certificate and --tls-key go together"));
      return FALSE;
    }

  return TRUE;
}

static GSocketAddress *
parse_listen_address (const char *text,
                      char      **out_host,
                      GError    **error)
{
  g_autoptr (GSocketConnectable) connectable = NULL;
  g_autoptr (GInetAddress) address = NULL;
  const char *host;

  connectable = g_network_address_parse (text, 0, error);
  if (connectable == NULL)
    return NULL;

  host = g_network_address_get_hostname (G_NETWORK_ADDRESS (connectable));
  if (g_str_equal (host, "localhost"))
    host = "127.0.0.1";

  address = g_inet_address_new_from_string (host);
  if (address == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--listen needs a numeric address such as 127.0.0.1:8470 or [::1]:8470, not “%s”"),
                   text);
      return NULL;
    }

  *out_host = g_strdup (host);
  return g_inet_socket_address_new (address, g_network_address_get_port (G_NETWORK_ADDRESS (connectable)));
}

static gboolean
ensure_data_dir (const char *data_dir,
                 GError    **error)
{
  int saved_errno;

  if (g_mkdir_with_parents (data_dir, 0700) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _ ("Cannot create the data directory %s: %s"), data_dir, g_strerror (saved_errno));
  return FALSE;
}

static StewardStore *
open_store (const char *data_dir,
            GError    **error)
{
  g_autofree char *path = g_build_filename (data_dir, STEWARD_DATABASE_FILE, NULL);

  if (!ensure_data_dir (data_dir, error))
    return NULL;

  return steward_store_open (path, error);
}

static int
issue_api_key (StewardStore *store,
               const char   *user)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *key = steward_setup_issue_api_key (store, user, &error);

  if (key == NULL)
    {
      g_printerr ("steward-server: %s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print ("%s\n", key);
  return EXIT_SUCCESS;
}

/* ---------------------------------------------------------------- serve */

typedef struct
{
  GMainLoop     *loop;
  StewardServer *server;
  gboolean       stopping;
} Running;

static void
shutdown_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Running *running = user_data;

  steward_server_shutdown_finish (STEWARD_SERVER (object), result, NULL);
  g_main_loop_quit (running->loop);
}

static gboolean
stop_signal_cb (gpointer user_data)
{
  Running *running = user_data;

  if (!running->stopping)
    {
      running->stopping = TRUE;
      g_message ("Finishing requests in flight, then stopping");
      steward_server_shutdown_async (running->server, shutdown_done_cb, running);
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
prepare_data (StewardStore  *store,
              const Options *options,
              char         **out_admin_key,
              GError       **error)
{
  g_autoptr (GStrvBuilder) iams = g_strv_builder_new ();
  g_auto (GStrv) iam_specs = NULL;

  if (options->demo > 0)
    {
      static const char *const demo_iams[] = { STEWARD_DEMO_IAMS, NULL };

      g_strv_builder_addv (iams, (const char **) demo_iams);
    }
  if (options->iams != NULL)
    g_strv_builder_addv (iams, (const char **) options->iams);
  iam_specs = g_strv_builder_end (iams);

  if (!steward_setup_iams (store, (const char *const *) iam_specs, error))
    return FALSE;

  if (!steward_setup_first_admin (store, options->data_dir, out_admin_key, error))
    return FALSE;

  /* Demo users only join a fresh database, never a real one. */
  if (*out_admin_key != NULL && options->demo > 0)
    {
      if (!steward_demo_seed (store, STEWARD_FIRST_ADMIN_USERID, (guint) options->demo, error))
        return FALSE;
#ifdef __GLIBC__
      /* The seed's scratch memory (hundreds of MB for a million users) is
       * free again: hand it back rather than serve with it. */
      malloc_trim (0);
#endif
    }

  return TRUE;
}

/* Writes every byte of PATH to the disk before it is renamed into place,
 * as the load itself never syncs. */
static gboolean
sync_file (const char *path,
           GError    **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd >= 0 && fsync (fd) == 0)
    return g_close (fd, error);

  saved_errno = errno;
  if (fd >= 0)
    g_close (fd, NULL);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _ ("Cannot write %s to disk: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* A first start with --demo builds the whole database (identity managers,
 * administrator, demo users) in a file of its own, without a journal, and
 * renames it into place when it is complete: a crash at any moment leaves
 * either no database, and the next start seeds again, or the whole one.
 * BUILT says whether it did; on any other start it does nothing. */
static gboolean
build_demo_database (const Options *options,
                     gboolean      *built,
                     char         **out_admin_key,
                     GError       **error)
{
  g_autofree char *path = g_build_filename (options->data_dir, STEWARD_DATABASE_FILE, NULL);
  g_autofree char *new_path = g_strconcat (path, ".new", NULL);
  g_autoptr (StewardStore) store = NULL;

  /* What an earlier start with --demo left when it was stopped halfway:
   * never renamed into place, so never anyone's database, and at a million
   * users over a gigabyte. Removed by any later start. */
  g_unlink (new_path);

  *built = FALSE;
  if (options->demo == 0 || g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!ensure_data_dir (options->data_dir, error))
    return FALSE;

  store = steward_store_open_new (new_path, error);
  if (store == NULL || !prepare_data (store, options, out_admin_key, error))
    goto fail;
  steward_store_close (store);

  if (!sync_file (new_path, error))
    goto fail;
  if (g_rename (new_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("Cannot move the new database to %s: %s"), path, g_strerror (saved_errno));
      goto fail;
    }

  *built = TRUE;
  return TRUE;

fail:
  g_clear_pointer (out_admin_key, g_free);
  g_clear_object (&store);
  g_unlink (new_path);
  return FALSE;
}

static int
serve (const Options *options,
       Running       *running)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardStore) store = NULL;
  g_autofree char *admin_key = NULL;
  gboolean         built = FALSE;
  g_autoptr (GSocketAddress) address = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (StewardServer) server = NULL;
  g_autofree char      *host = NULL;
  g_autofree char      *url = NULL;
  StewardServerSettings settings = { 0 };

  address = parse_listen_address (options->listen != NULL ? options->listen : DEFAULT_LISTEN, &host, &error);
  if (address == NULL)
    goto fail;

  if (options->tls_certificate != NULL)
    {
      certificate = g_tls_certificate_new_from_files (options->tls_certificate, options->tls_key, &error);
      if (certificate == NULL)
        goto fail;
    }

  /* The address and the certificate are checked first: a mistake in them
   * is reported at once, not after a large demo has been written. */
  if (!build_demo_database (options, &built, &admin_key, &error))
    goto fail;
  store = open_store (options->data_dir, &error);
  if (store == NULL || (!built && !prepare_data (store, options, &admin_key, &error)))
    goto fail;

  settings.token_ttl_seconds = options->token_ttl;
  settings.query_engine_host = host;
  server = steward_server_new (store, &settings, certificate, &error);
  if (server == NULL || !steward_server_listen (server, address, &error))
    goto fail;

  /* Tests and the app read this first line to learn the port. */
  url = steward_server_get_url (server);
  g_print ("Listening on %s\n", url);
  if (admin_key != NULL)
    g_print (_ ("Created the administrator %s. Its API key, shown only this once, is:\n%s\n"
                "(The key is also in %s/%s, readable only by you.)\n"),
             STEWARD_FIRST_ADMIN_USERID, admin_key, options->data_dir, STEWARD_ADMIN_KEY_FILE);
  fflush (stdout);

  /* A signal that arrived while preparing is dispatched as soon as the loop
   * runs, and shuts the server down at once. */
  running->server = server;
  g_main_loop_run (running->loop);
  running->server = NULL;

  /* Closing checkpoints the write-ahead log into the database file. */
  steward_store_close (store);
  return EXIT_SUCCESS;

fail:
  g_printerr ("steward-server: %s\n", error->message);
  return EXIT_FAILURE;
}

int
main (int   argc,
      char *argv[])
{
  g_auto (Options) options = { 0 };
  g_autoptr (StewardStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Running running = { .loop = loop };
  guint   term_source = 0;
  guint   int_source = 0;
  int     status;

  /* stdout is for people and tools reading the "Listening on" line; every
   * log message, debug ones included, goes to stderr. */
  g_log_writer_default_set_use_stderr (TRUE);

  /* The database holds every account's details: owner-only, always. */
  umask (0077);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!parse_options (&options, &argc, &argv, &error))
    {
      g_printerr ("steward-server: %s\n", error->message);
      return 2;
    }

  /* Catch SIGTERM and SIGINT from the very start, so a stop requested while
   * the database opens or demo data is written still ends cleanly. */
  if (options.issue_api_key == NULL)
    {
      term_source = g_unix_signal_add (SIGTERM, stop_signal_cb, &running);
      int_source = g_unix_signal_add (SIGINT, stop_signal_cb, &running);
    }

  if (options.issue_api_key != NULL)
    {
      store = open_store (options.data_dir, &error);
      if (store == NULL)
        {
          g_printerr ("steward-server: %s\n", error->message);
          return EXIT_FAILURE;
        }
      status = issue_api_key (store, options.issue_api_key);
      steward_store_close (store);
    }
  else
    status = serve (&options, &running);

  g_clear_handle_id (&term_source, g_source_remove);
  g_clear_handle_id (&int_source, g_source_remove);

  return status;
}
