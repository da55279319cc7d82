/* fuzz-json-codec.c
 *
 * libFuzzer target for the JSON decoders: whatever bytes a server sends are
 * parsed as a reply and handed to every decoder, which must return an
 * object or a MALFORMED_REPLY error and never crash, leak or hang.
 *
 * Built with -fsanitize=fuzzer when the "fuzzing" option is on; otherwise
 * fuzz-json-codec-corpus.c drives the same function over the seed corpus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-json-codec.h"
#include "steward-json-codec.h"
#include "steward-json-private.h"

typedef gpointer (*DecodeFunc) (JsonNode *node,
                                GError  **error);

static const DecodeFunc object_decoders[] = {
  (DecodeFunc) steward_json_decode_user,
  (DecodeFunc) steward_json_decode_new_user,
  (DecodeFunc) steward_json_decode_user_page,
  (DecodeFunc) steward_json_decode_iams,
  (DecodeFunc) steward_json_decode_permissions,
  (DecodeFunc) steward_json_decode_metrics,
  (DecodeFunc) steward_json_decode_audit_record,
  (DecodeFunc) steward_json_decode_audit_page,
  (DecodeFunc) steward_json_decode_connection_info,
  (DecodeFunc) steward_json_decode_api_key,
};

static void
check_outcome (gpointer object,
               GError  *error)
{
  /* Exactly one of the two, and only ever our malformed-reply error. */
  g_assert_true ((object == NULL) != (error == NULL));
  if (error != NULL)
    g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
}

static void
decode_everything (JsonNode *node)
{
  g_autofree char *message = NULL;
  g_autofree char *field = NULL;
  g_autofree char *field_code = NULL;
  g_autofree char *token = NULL;
  g_autoptr (GError) token_error = NULL;
  guint64 count;

  for (guint i = 0; i < G_N_ELEMENTS (object_decoders); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GObject) object = object_decoders[i](node, &error);

      check_outcome (object, error);
    }

  token = steward_json_decode_token (node, &token_error);
  check_outcome (token, token_error);

  {
    g_autoptr (GError) error = NULL;
    gboolean ok = steward_json_decode_count (node, "accepted", &count, &error);

    check_outcome (ok ? GINT_TO_POINTER (1) : NULL, error);
  }

  {
    g_autoptr (GError) error = NULL;
    gboolean ok = steward_json_decode_deleted (node, &error);

    check_outcome (ok ? GINT_TO_POINTER (1) : NULL, error);
  }

  steward_json_decode_error_body (node, &message, &field, &field_code);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = steward_json_parse_bytes (bytes, &error);

  if (error != NULL)
    {
      g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
      return 0;
    }

  decode_everything (node);

  /* Members of an object are plausible replies of their own (a user inside
   * a page, a profile inside a user), which reaches deeper code paths from
   * the same input. */
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode      *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        decode_everything (member);
    }

  return 0;
}
